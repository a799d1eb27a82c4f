import type { Micros } from '../engine/time.js';
import type { Scenario } from '../scenario/types.js';
import type { LifecycleState, TraceRecord } from '../trace/records.js';
import { emptyTally, tallyRecord, type RecordTally } from '../trace/tally.js';
import type { RunSummary, Violation } from '../trace/trace-file.js';
import { TraceReplay } from './replay.js';
import { positionsOf } from './component-positions.js';
import { ServingClock } from '../trace/serving-time.js';

/**
 * Counts what a run did as its records are written: reboots, restarts,
 * losses, final states. Memory in proportion to the system, not the run.
 */
export class RunCounter {
  /** The counts, as sim/trace/tally.ts defines them for the summary and the viewer alike. */
  readonly tally: RecordTally = emptyTally();
  records = 0;
  private readonly replay: TraceReplay;
  /** Whether it applies the records to `replay` itself (not when it reads another's: the invariant monitor's). */
  private readonly ownReplay: boolean;
  /** Up and serving time ("available" means serving, "up" means running). */
  private readonly clock: ServingClock;

  /**
   * `replay`: a replay of the same records that someone else applies (the
   * invariant monitor's, sim/simulate.ts), read for the final states instead
   * of a second replay of every state record.
   */
  constructor(components: Scenario['components'], replay?: TraceReplay) {
    this.replay = replay ?? new TraceReplay(components);
    this.ownReplay = replay === undefined;
    const positions = positionsOf(components);
    this.clock = ServingClock.ofComponents(components, (name) => positions.of(name));
  }

  readonly sink = (r: TraceRecord): void => {
    this.records++;
    if (this.ownReplay) this.replay.apply(r);
    // The clock reads state and probe records, the tally every other type.
    if (r.type === 'state' || r.type === 'probe') this.clock.sink(r);
    else tallyRecord(this.tally, r);
  };

  summary(scenario: Scenario, seed: number, run: { outcome: RunSummary['outcome']; endUs: Micros; events: number }, violations: Violation[]): Omit<RunSummary, 'expectations'> {
    const { upUs, servingUs } = this.clock.totals(run.endUs);
    const share = (us: number[]): number => us.reduce((a, b) => a + b, 0) / (Math.max(1, run.endUs) * Math.max(1, us.length));
    const summary: Omit<RunSummary, 'expectations'> = {
      scenario: scenario.name,
      seed,
      outcome: run.outcome,
      endUs: run.endUs,
      events: run.events,
      records: this.records,
      reboots: { graceful: this.tally.graceful, ungraceful: this.tally.ungraceful },
      restarts: { total: this.tally.restarts, byComponent: { ...this.tally.restartsByComponent } },
      lostRequests: this.tally.lostRequests,
      refusedRequests: this.tally.refusedRequests,
      delayedRequests: this.tally.delayedRequests,
      requestDelayUs: this.tally.requestDelayUs,
      lostDataBytes: this.tally.lostDataBytes,
      availability: share(servingUs),
      up: share(upUs),
      finalStates: {},
      violations,
    };
    return withLazyFinalStates(summary, scenario.components, this.replay);
  }
}

/** Counts what a run did, from its records alone. */
export function summarise(
  scenario: Scenario,
  seed: number,
  records: readonly TraceRecord[],
  run: { outcome: RunSummary['outcome']; endUs: Micros; events: number },
  violations: Violation[],
): Omit<RunSummary, 'expectations'> {
  const counter = new RunCounter(scenario.components);
  for (const r of records) counter.sink(r);
  return counter.summary(scenario, seed, run, violations);
}

/**
 * Summaries whose `finalStates` is not built yet, and the replay that holds
 * them: what componentsNotRunning reads instead of the object.
 */
const unbuilt = new WeakMap<object, { components: Scenario['components']; replay: TraceReplay }>();

/**
 * Makes `summary.finalStates` an object built when first read, in its place
 * among the keys (so JSON.stringify, a spread or structuredClone see a plain
 * object where it always was). At 10^6 components it is an object with a
 * million keys: building it was a second of a `recsim run` (1 s at 10^6,
 * `node --cpu-prof`), and listing the few that are not running from it
 * another 0.4 s, for a text summary that prints only those few. The JSON
 * outputs (`--json`, `--out`) read it, and get the same bytes as before.
 */
function withLazyFinalStates<S extends Pick<RunSummary, 'finalStates'>>(summary: S, components: Scenario['components'], replay: TraceReplay): S {
  const build = (): RunSummary['finalStates'] => {
    const finalStates: RunSummary['finalStates'] = {};
    for (let i = 0; i < components.length; i++) finalStates[components[i]!.name] = replay.stateAt(i);
    return finalStates;
  };
  Object.defineProperty(summary, 'finalStates', {
    enumerable: true,
    configurable: true,
    get(): RunSummary['finalStates'] {
      const built = build();
      unbuilt.delete(summary);
      Object.defineProperty(summary, 'finalStates', { value: built, enumerable: true, writable: true, configurable: true });
      return built;
    },
    set(value: RunSummary['finalStates']) {
      unbuilt.delete(summary);
      Object.defineProperty(summary, 'finalStates', { value, enumerable: true, writable: true, configurable: true });
    },
  });
  unbuilt.set(summary, { components, replay });
  return summary;
}

/**
 * The components of a summary that are not running at the end, with their
 * states, in the order of `finalStates`' keys: read from the run counter
 * while the summary's `finalStates` is not built (a million-key object at
 * 10^6, for the few a text summary prints), else from `finalStates`.
 */
export function componentsNotRunning(summary: Pick<RunSummary, 'finalStates'>): [string, LifecycleState][] {
  const out: [string, LifecycleState][] = [];
  const source = unbuilt.get(summary);
  // Two components with one name are one key of the object: read it.
  if (source === undefined || !positionsOf(source.components).uniqueNames) {
    // A loop, not Object.entries: a million components would make a million pairs to find the few that are down.
    const states = summary.finalStates;
    for (const name in states) if (states[name] !== 'running') out.push([name, states[name]!]);
    return out;
  }
  const { components, replay } = source;
  for (let i = 0; i < components.length; i++) {
    const state = replay.stateAt(i);
    const name = components[i]!.name;
    // An object's __proto__ is no key: `finalStates.__proto__ = state` sets nothing.
    if (state !== 'running' && name !== '__proto__') out.push([name, state]);
  }
  return inObjectKeyOrder(out);
}

/** Whether `summary.finalStates[name] === 'running'`, read from the run counter while the object is not built. */
export function runsAtEnd(summary: Pick<RunSummary, 'finalStates'>, name: string): boolean {
  const source = unbuilt.get(summary);
  if (source === undefined) return summary.finalStates[name] === 'running';
  // The object's __proto__ is its prototype, whatever a component of that name did.
  if (name === '__proto__') return false;
  const at = positionsOf(source.components).of(name);
  return at >= 0 && source.replay.stateOf(name) === 'running';
}

/** An array index as an object key ("0", "17"; not "017", not 2^32 - 1). */
const isArrayIndex = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** Pairs listed by insertion, in the order an object's keys take: array indexes first, ascending, then the rest as inserted. */
function inObjectKeyOrder(pairs: [string, LifecycleState][]): [string, LifecycleState][] {
  if (!pairs.some(([key]) => isArrayIndex(key))) return pairs;
  const indexes = pairs.filter(([key]) => isArrayIndex(key)).sort((a, b) => Number(a[0]) - Number(b[0]));
  return [...indexes, ...pairs.filter(([key]) => !isArrayIndex(key))];
}
