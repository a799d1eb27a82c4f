import type { Micros } from '../engine/time.js';
import type { FaultKind, FaultTraceFields } from '../faults/registry.js';
import type { LifecycleState, OperatorAction, PowerState, RebootMode, Termination } from '../vocabulary/words.js';

/**
 * Trace records: the append-only story of a run. Every record carries the
 * virtual instant `t` (microseconds), a `seq` unique and increasing within the
 * run, its `type`, the `component` it concerns (when it concerns one) and
 * `cause`: the `seq` of the record that caused it (fault -> detection ->
 * decision -> action). Checkers, metrics and the viewer read only these.
 */

export type { LifecycleState, OperatorAction, PowerState, RebootMode, Termination } from '../vocabulary/words.js';
export { OPERATOR_ACTIONS } from '../vocabulary/words.js';

/** Fault kinds and the extra fields of their records come from the fault-kind registry. */
export type { FaultKind, FaultTraceFields } from '../faults/registry.js';

interface Base {
  t: Micros;
  seq: number;
  /** `seq` of the record that caused this one; absent for root causes (faults, run start). */
  cause?: number;
  component?: string;
}

export type TraceRecord =
  | (Base & { type: 'run-started'; seed: number })
  | (Base & { type: 'fault'; component?: string; fault: FaultKind; source: 'scripted' | 'triggered' | 'stochastic' } & FaultTraceFields)
  /** An operator's action (systemctl), scheduled like a fault but not one. */
  | (Base & { type: 'operator'; component: string; action: OperatorAction; source: 'scripted' | 'triggered' | 'stochastic' })
  | (Base & { type: 'state'; component: string; from: LifecycleState; to: LifecycleState })
  | (Base & { type: 'power'; from: PowerState; to: PowerState })
  /**
   * `dropped`: the start is gone, not kept waiting for what it misses (systemd: a Requisite= unit not
   * active, or a Requires=/BindsTo= unit it is ordered after whose start job failed: the job fails with
   * JOB_DEPENDENCY and nothing starts the unit again on its own). Absent: the start waits (R4).
   */
  | (Base & { type: 'start-refused'; component: string; missing: string[]; dropped?: true })
  | (Base & { type: 'start-failed'; component: string; reason: string })
  | (Base & { type: 'terminated'; component: string; termination: Termination; graceful: boolean })
  | (Base & { type: 'detected'; component: string; by: string; how: 'exit' | 'heartbeat' | 'call-timeout' | 'event' | 'liveness-probe' | 'startup-probe' })
  /** `source`: for an imported component, the file:line of the directive behind the decision (sim/model/provenance.ts). */
  | (Base & { type: 'decision'; component: string; by: string; action: string; delayUs?: Micros; reason: string; source?: string })
  | (Base & { type: 'restart'; component: string; attempt: number })
  | (Base & { type: 'stop-requested'; component: string; reason: string })
  | (Base & { type: 'killed'; component: string; reason: string })
  | (Base & { type: 'reboot-requested'; component?: string; by: string; mode: RebootMode; reason: string })
  | (Base & { type: 'shutdown-started'; mode: RebootMode; reason: string; culprit?: string })
  | (Base & { type: 'shutdown-completed' })
  /** `target`: the reboot target the device resets into and stays in (Android's fatal reboot target); absent: it boots again. */
  | (Base & { type: 'panic'; reason: string; culprit?: string; target?: string })
  | (Base & { type: 'boot-started'; boot: number })
  | (Base & { type: 'boot-completed'; boot: number })
  | (Base & { type: 'requests-lost'; component: string; count: number })
  /** Character-like clients' requests that arrived while the driver was down and failed at once; written when it runs again (or at the end). */
  | (Base & { type: 'requests-refused'; component: string; count: number })
  /** Block-like clients' requests that waited for the driver to run again and were re-issued; `delayUs`: their waits summed. */
  | (Base & { type: 'requests-delayed'; component: string; count: number; delayUs: Micros })
  | (Base & { type: 'data-lost'; component: string; bytes: number })
  | (Base & { type: 'data-flushed'; component: string; bytes: number })
  | (Base & { type: 'event-dropped'; component: string; event: string; reason: string })
  | (Base & { type: 'violation'; invariant: string; message: string; record?: number })
  | (Base & { type: 'run-ended'; outcome: string })
  /**
   * Kubernetes: a probe result the kubelet acts on or counts: every failure
   * (`count` in a row of `threshold`), and a success that changes the
   * container's status (started, ready).
   */
  | (Base & { type: 'probe'; component: string; probe: 'liveness' | 'readiness' | 'startup'; result: 'success' | 'failure'; count: number; threshold: number });

export type RecordType = TraceRecord['type'];

/** A record before the recorder stamps it with `t` and `seq`. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RecordDraft = DistributiveOmit<TraceRecord, 't' | 'seq'>;

export type RecordOf<K extends RecordType> = Extract<TraceRecord, { type: K }>;
