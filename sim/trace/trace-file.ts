import type { Micros } from '../engine/time.js';
import type { LifecycleState, TraceRecord } from './records.js';

export const TRACE_FORMAT = 'recsim-trace';
export const TRACE_VERSION = 1;

/**
 * What an invariant judges: the model, by something that happened (safety) or
 * did not (liveness); or the policy a scenario chose, which a sound model
 * obeys even when it asks for trouble (policy).
 */
export type ViolationKind = 'safety' | 'liveness' | 'policy';

/** One invariant broken, pointing at the record that broke it. */
export interface Violation {
  invariant: string;
  message: string;
  /** `seq` of the offending record. */
  record?: number;
  kind: ViolationKind;
}

export interface ExpectationResult {
  /** What was expected, in words, e.g. "reboots.graceful = 1". */
  what: string;
  ok: boolean;
  /** What happened instead, when not ok. */
  actual?: string;
}

/** The machine summary of one run: what `--json` prints and what campaigns keep. */
export interface RunSummary {
  scenario: string;
  seed: number;
  outcome: 'completed' | 'event-budget-exhausted';
  endUs: Micros;
  events: number;
  /** Records written by the run. */
  records: number;
  /** Present when the trace in memory holds fewer records than the run wrote (the rest were streamed, or dropped). */
  recordsKept?: number;
  reboots: { graceful: number; ungraceful: number };
  restarts: { total: number; byComponent: Record<string, number> };
  lostRequests: number;
  /** Requests refused while their driver was down (character-like clients). */
  refusedRequests?: number;
  /** Requests that waited for their driver and were re-issued (block-like clients), and their waits summed. */
  delayedRequests?: number;
  requestDelayUs?: Micros;
  lostDataBytes: number;
  /** Time serving (running, ready, past its warm-up) / run time, averaged over components (0..1). */
  availability: number;
  /** Time running / run time, averaged over components (0..1). */
  up: number;
  finalStates: Record<string, LifecycleState>;
  violations: Violation[];
  /** Violations beyond the listing limit (a run that breaks invariants over and over): counted, not listed. */
  violationsNotListed?: number;
  expectations: ExpectationResult[];
}

/** The JSON a run writes with `--out`. */
export interface TraceFile {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  seed: number;
  /** The scenario after defaults were filled in and durations resolved to microseconds. */
  scenario: unknown;
  records: TraceRecord[];
  summary: RunSummary;
}
