import type { Scenario } from '../scenario/types.js';
import type { TraceRecord } from '../trace/records.js';
import type { Violation } from '../trace/trace-file.js';
import { INVARIANTS, type Invariant, type InvariantObserver } from './invariants/index.js';
import { QUIET_OBSERVER } from './invariants/types.js';
import { InstantStart } from './instant-start.js';
import { ReadinessReplay } from './readiness-replay.js';
import { STATES, TraceReplay } from './replay.js';
import { RECORD_TYPES } from '../trace/record-types.js';

/** The whole catalogue watching one run, record by record. */
export interface InvariantMonitor {
  /** Sees each record as it is written, in order; returns the violations already told (often none: the same empty array). */
  onRecord(record: TraceRecord): readonly Violation[];
  /** After the last record (run-ended): the violations only the end of the run tells. Call once. */
  finish(): Violation[];
  /**
   * The catalogue's replay of states and power: what held before the record
   * being judged, and once it has been judged, after it. The run counter of
   * the same run reads its final states here instead of replaying them again.
   */
  readonly replay: TraceReplay;
}

const NONE: readonly Violation[] = Object.freeze([]);

/**
 * Runs every invariant of the catalogue as an online observer of one run of
 * `scenario`: what the simulator calls for each record as it is written, so
 * that checking keeps memory in proportion to the system, not to the run.
 * The run's violations, in the order the summary lists them, are
 * `orderViolations([...everything onRecord returned, ...finish()])`.
 */
export function createInvariantMonitor(scenario: Scenario, invariants: readonly Invariant[] = INVARIANTS): InvariantMonitor {
  // One replay of states (and of readiness) for every observer (types.ts, SharedReplay), applied once they have
  // all seen a record, and where the current instant began, noted before they see it.
  const replay = new TraceReplay(scenario.components);
  const readiness = new ReadinessReplay(scenario);
  const instant = new InstantStart();
  const retired = new Set<InvariantObserver>();
  const retire = (observer: InvariantObserver): void => void retired.add(observer);
  const observers = invariants.map((inv) => inv.observe(scenario, { replay, instant, readiness, retire }));
  // An invariant that cannot break in this scenario (QUIET_OBSERVER: no critical component, say), or whose verdict
  // is already settled (retired), is called for no record.
  const watching = (key: string): InvariantObserver[] =>
    observers.filter((observer, i) => observer !== QUIET_OBSERVER && !retired.has(observer) && watchesKey(invariants[i]!, key));
  // Who watches each record type, and each state a state record goes to, in catalogue order: built once (and again
  // when an observer retires), so a record costs one lookup and calls only its watchers.
  const byType = new Map<string, InvariantObserver[]>();
  const byTarget = new Map<string, InvariantObserver[]>();
  const buildTables = (): void => {
    for (const type of RECORD_TYPES) byType.set(type, watching(type));
    for (const to of STATES) byTarget.set(to, watching(`state:${to}`));
  };
  buildTables();
  let retiredInTables = 0;
  let finished = false;
  return {
    replay,
    onRecord(record) {
      // The catalogue judges the system, not its own reports.
      if (record.type === 'violation') return NONE;
      instant.note(record);
      const table = record.type === 'state' ? byTarget : byType;
      const key = record.type === 'state' ? record.to : record.type;
      let list = table.get(key);
      // A type or state outside the lists (a hand-made trace): whoever watches every record sees it.
      if (list === undefined) table.set(key, (list = watching(record.type === 'state' ? `state:${key}` : key)));
      let out: Violation[] | undefined;
      for (let i = 0; i < list.length; i++) {
        const found = list[i]!.onRecord(record);
        if (found !== undefined && found.length > 0) (out ??= []).push(...found);
      }
      replay.apply(record);
      readiness.apply(record);
      if (retired.size !== retiredInTables) {
        retiredInTables = retired.size;
        byType.clear();
        byTarget.clear();
        buildTables();
      }
      return out ?? NONE;
    },
    finish() {
      if (finished) throw new Error('createInvariantMonitor: finish() called twice');
      finished = true;
      return observers.flatMap((observer) => observer.finish());
    },
  };
}

/** Whether `inv` watches records of `key`: a type, or `state:<to>` (watched as itself, or as every state record). */
function watchesKey(inv: Invariant, key: string): boolean {
  if (inv.watches === undefined) return true;
  const watches = inv.watches as readonly string[];
  return watches.includes(key) || (key.startsWith('state:') && watches.includes('state'));
}

/**
 * Violations ordered by the record that broke them; those that point at the
 * same record (or at none, last) keep the catalogue's order, then the order
 * they were told in. Sorting never depends on anything but these keys.
 */
export function orderViolations(violations: readonly Violation[], invariants: readonly Invariant[] = INVARIANTS): Violation[] {
  const rank = new Map(invariants.map((inv, i) => [inv.id, i]));
  const keyed = violations.map((v, i) => ({ v, i, record: v.record ?? Infinity, rank: rank.get(v.invariant) ?? Infinity }));
  keyed.sort((a, b) => a.record - b.record || a.rank - b.rank || a.i - b.i);
  return keyed.map((k) => k.v);
}

/**
 * The whole catalogue over a trace already in memory (explore, compare,
 * tests): every record fed to the monitor in order, then finish.
 */
export function checkInvariants(records: readonly TraceRecord[], scenario: Scenario, invariants: readonly Invariant[] = INVARIANTS): Violation[] {
  const monitor = createInvariantMonitor(scenario, invariants);
  const found: Violation[] = [];
  for (const record of records) found.push(...monitor.onRecord(record));
  found.push(...monitor.finish());
  return orderViolations(found, invariants);
}
