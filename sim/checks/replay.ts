import { positionsOf, type ComponentPositions } from './component-positions.js';
import type { LifecycleState, PowerState, TraceRecord } from '../trace/records.js';

/** Lifecycle states by code (0: never seen, read as `stopped`), so a replay of a large system keeps a byte per component. */
export const STATES: readonly LifecycleState[] = ['stopped', 'stopped', 'starting', 'running', 'stopping', 'hung', 'failed', 'destroyed'];
export const CODE_OF: ReadonlyMap<LifecycleState, number> = new Map<LifecycleState, number>(STATES.map((s, code) => [s, code] as const).slice(1));

/**
 * Replays state and power records in order, so checkers can ask "what was
 * true just before this record?" without the model. Pure reading of a trace.
 *
 * Given the scenario's components, it keeps a byte per component, found by
 * positions shared with every other replay of the same components (a dozen
 * checkers replay each run: a map of every name each was most of their
 * memory and time at 10^5 components); a name outside them (or no list) is
 * kept in a map.
 */
export class TraceReplay {
  private readonly positions: ComponentPositions;
  private readonly codes: Uint8Array;
  private readonly others = new Map<string, LifecycleState>();
  /** Components whose state a record has set (what `retained` counts). */
  private seen = 0;
  power: PowerState = 'booting';

  constructor(components: readonly { name: string }[] = []) {
    this.positions = positionsOf(components);
    this.codes = new Uint8Array(components.length);
  }

  apply(record: TraceRecord): void {
    if (record.type === 'state') this.set(record.component, record.to);
    else if (record.type === 'power') this.power = record.to;
  }

  private set(component: string, to: LifecycleState): void {
    const i = this.positions.of(component);
    if (i < 0) {
      this.others.set(component, to);
      return;
    }
    if (this.codes[i] === 0) this.seen++;
    this.codes[i] = CODE_OF.get(to)!;
  }

  stateOf(component: string): LifecycleState {
    const i = this.positions.of(component);
    return i < 0 ? (this.others.get(component) ?? 'stopped') : STATES[this.codes[i]!]!;
  }

  /**
   * The state of the component at `position` in the list it was given, found
   * without its name (what a walk over every component asks: a million
   * lookups by name at 10^6). Two components with one name share the first's
   * place, so then it asks by name.
   */
  stateAt(position: number): LifecycleState {
    return this.positions.uniqueNames ? STATES[this.codes[position]!]! : this.stateOf(this.positions.nameAt(position));
  }

  /** How many components it holds a state for. */
  get size(): number {
    return this.seen + this.others.size;
  }

  isAlive(component: string): boolean {
    const s = this.stateOf(component);
    return s === 'starting' || s === 'running' || s === 'stopping' || s === 'hung';
  }

  isShuttingDown(): boolean {
    return this.power === 'shutting-down' || this.power === 'rebooting' || this.power === 'panic';
  }

  /** The device sits in a reboot target outside the OS (Android's bootloader): nothing runs and nothing boots. */
  isHalted(): boolean {
    return this.power === 'halted';
  }
}

/** The last lifecycle state of every component named, `stopped` for those never started. */
export function finalStatesOf(records: readonly TraceRecord[], names: readonly string[]): Record<string, LifecycleState> {
  const replay = new TraceReplay();
  for (const r of records) replay.apply(r);
  const out: Record<string, LifecycleState> = {};
  for (const name of names) out[name] = replay.stateOf(name);
  return out;
}
