import type { LifecycleState, PowerState, TraceRecord } from '../trace/records.js';

/**
 * Replays state and power records in order, so checkers can ask "what was
 * true just before this record?" without the model. Pure reading of a trace.
 */
export class TraceReplay {
  readonly states = new Map<string, LifecycleState>();
  power: PowerState = 'booting';

  apply(record: TraceRecord): void {
    if (record.type === 'state') this.states.set(record.component, record.to);
    else if (record.type === 'power') this.power = record.to;
  }

  stateOf(component: string): LifecycleState {
    return this.states.get(component) ?? 'stopped';
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
