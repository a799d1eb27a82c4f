import type { Micros } from '../engine/time.js';
import type { LifecycleState, Termination } from '../trace/records.js';

/**
 * A component's recovery policy, resolved from its scenario fields (and any
 * preset). The model never interprets it: it hands it to `decideRecovery`
 * with a `FailureContext` and applies the effects that come back.
 */
export interface RecoveryPolicy {
  when: 'never' | 'on-failure' | 'always';
  delayUs: Micros;
  /** Give up (state failed) after this many restarts since boot; Infinity = never. */
  maxRestarts: number;
  /** Consecutive missed heartbeats before the monitor kills a hung component (MINIX 3, k8s failureThreshold). */
  heartbeatMissLimit: number;
}

/** What a component went through since the last boot; each list holds at most HISTORY_MAX instants, oldest first. */
export interface PolicyHistory {
  startsUs: readonly Micros[];
  failuresUs: readonly Micros[];
  restartsUs: readonly Micros[];
}

export const HISTORY_MAX = 256;

export interface FailureContext {
  component: string;
  nowUs: Micros;
  termination: Termination;
  history: PolicyHistory;
  /** How long the component ran before this termination (0 if it never reached running). */
  ranForUs: Micros;
  /** Whether the current boot has completed (Android init treats failures before it specially). */
  bootCompleted: boolean;
  /** The monitor deciding; `init` for the root monitor. */
  monitor: string;
  /** The components supervised by the same monitor, in start (declaration) order, with their states. */
  siblings: readonly { name: string; state: LifecycleState }[];
  /** Every component of the system, in declaration order, as it is now (for relations such as BindsTo). */
  components: readonly ComponentView[];
  /** A seeded stream private to this component's decisions (for jitter); same seed, same draws. */
  random: () => number;
}

export interface ComponentView {
  name: string;
  state: LifecycleState;
  monitor: string;
  depends: readonly string[];
  policy: RecoveryPolicy;
}

/** What a decision asks the model to do. */
export type Effect =
  | { kind: 'restart'; component: string; delayUs: Micros }
  /** Stop a component gracefully without treating its end as a failure (group strategies). */
  | { kind: 'stop'; component: string }
  | { kind: 'give-up'; component: string }
  /** graceful: orderly shutdown; force: kill everything but flush filesystems; immediate: panic. */
  | { kind: 'reboot'; mode: 'graceful' | 'force' | 'immediate'; reason: string }
  /** The deciding monitor terminates itself, after stopping its children, and its own monitor decides. */
  | { kind: 'escalate'; reason: string };

export interface RecoveryDecision {
  /** A short name for the trace, e.g. `restart`, `none`, `give-up`, `reboot`, `restart-all`. */
  action: string;
  reason: string;
  /** The delay of the restart, when there is one, for the trace. */
  delayUs?: Micros;
  effects: Effect[];
}
