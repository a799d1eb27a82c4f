import type { Scenario } from '../../scenario/types.js';
import type { LifecycleState, TraceRecord } from '../../trace/records.js';
import type { Violation, ViolationKind } from '../../trace/trace-file.js';
import { InstantStart } from '../instant-start.js';
import { ReadinessReplay } from '../readiness-replay.js';
import { TraceReplay } from '../replay.js';

/**
 * Watches one run's records as they are written. It keeps memory in
 * proportion to the system (per-component facts, a bounded window), never to
 * the number of records, so that a restart storm cannot exhaust the heap.
 */
export interface InvariantObserver {
  /** Sees each record as it is written, in order; returns the violations it can already tell (safety), else nothing. */
  onRecord(record: TraceRecord): Violation[] | undefined;
  /** The run ended (the last record was run-ended): returns what is left (liveness, end-of-run judgements). Called once. */
  finish(): Violation[];
  /** How many entries it keeps (map and set sizes, pending items), for the test that this does not grow with the records. */
  retained(): number;
}

/** A record type, or a state record by the state it goes to. */
export type Watched = TraceRecord['type'] | `state:${LifecycleState}`;

/**
 * One invariant of the catalogue, with the rule it comes from. Safety
 * invariants point at the record that broke them; liveness invariants at the
 * record left without its consequence. Policy invariants judge the policy the
 * scenario chose rather than the model: a sound model breaks them whenever
 * the policy asks it to (a restart loop with no delay and no limit), so they
 * are reported like any other but never make `recsim explore` call the model
 * broken unless asked (`--policy`).
 */
export interface Invariant {
  id: string;
  /** One line, in the present tense, that is true of every sound run. */
  statement: string;
  /** The rule of DESIGN.md it comes from (F1-F12, R1-R8, A, or `model`). */
  rule: string;
  kind: ViolationKind;
  /**
   * The record types its observer needs to see; absent means every record.
   * The monitor hands each record only to the observers that watch its type,
   * which is most of what online checking costs in a long run. A `state`
   * record can be watched by the state it goes to (`state:starting`): state
   * records are nearly half of a run's, and most observers act on one or two
   * of their targets. What the monitor's shared replay (SharedReplay) reads
   * need not be watched: an observer in the monitor never applies a replay
   * itself, and one observing alone sees every record.
   */
  watches?: readonly Watched[];
  /** A fresh observer for one run of `scenario`; `shared`: what the monitor shares among the run's observers. */
  observe(scenario: Scenario, shared?: SharedReplay): InvariantObserver;
}

/**
 * One replay of lifecycle states for all the observers of a run, applied by
 * the monitor once every observer has seen a record, so that during
 * `onRecord` it still says what held just before the record (what each
 * observer's own replay, applied last, said). A dozen observers replay
 * states: one shared replay is one lookup and one byte written per state
 * record instead of a dozen.
 */
export interface SharedReplay {
  readonly replay: TraceReplay;
  /** Where the current instant began, noted by the monitor for every record before the observers see it. */
  readonly instant?: InstantStart;
  /** Kubernetes readiness read back from the records, applied by the monitor with the replay. */
  readonly readiness?: ReadinessReplay;
  /**
   * An observer whose verdict no later record can change (recovers-from-single-fault after a second fault)
   * tells the monitor so: it is called for no further record, and still finished.
   */
  readonly retire?: (observer: InvariantObserver) => void;
}

/** The run's shared replay, or (observing alone) one of the observer's own, which it applies itself (`own`). */
export function replayFor(scenario: Scenario, shared: SharedReplay | undefined): { replay: TraceReplay; own: boolean } {
  return shared === undefined ? { replay: new TraceReplay(scenario.components), own: true } : { replay: shared.replay, own: false };
}

/** The run's shared readiness replay, or (observing alone, seeing every record) one of the observer's own, which it applies itself (`own`). */
export function readinessFor(scenario: Scenario, shared: SharedReplay | undefined): { readiness: ReadinessReplay; own: boolean } {
  return shared?.readiness === undefined ? { readiness: new ReadinessReplay(scenario), own: true } : { readiness: shared.readiness, own: false };
}

/** The run's shared instant, or (observing alone, seeing every record) one of the observer's own, which it notes itself (`own`). */
export function instantFor(shared: SharedReplay | undefined): { instant: InstantStart; own: boolean } {
  return shared?.instant === undefined ? { instant: new InstantStart(), own: true } : { instant: shared.instant, own: false };
}

export function violation(inv: Pick<Invariant, 'id' | 'kind'>, message: string, record?: number): Violation {
  return record === undefined ? { invariant: inv.id, message, kind: inv.kind } : { invariant: inv.id, message, record, kind: inv.kind };
}

/** Whether the last record an observer saw ended a completed run (not one cut short by its event budget). */
export function endedCompleted(last: TraceRecord | undefined): last is RecordOfType<'run-ended'> {
  return last !== undefined && last.type === 'run-ended' && last.outcome === 'completed';
}

/** An observer for an invariant that cannot break in this scenario (e.g. no critical component). */
export const QUIET_OBSERVER: InvariantObserver = { onRecord: () => undefined, finish: () => [], retained: () => 0 };

export type RecordOfType<K extends TraceRecord['type']> = Extract<TraceRecord, { type: K }>;
