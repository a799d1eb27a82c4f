import type { Micros } from '../engine/time.js';
import type { LifecycleState, Termination } from '../trace/records.js';
import type { SystemView } from './system-view.js';

/**
 * When a component is restarted after it terminates: the systemd `Restart=`
 * values. OTP (permanent/transient/temporary), Kubernetes
 * (Always/OnFailure/Never) and Redox (timer/recovery/never) names are
 * mapped onto these when a scenario is loaded (restart-conditions.ts).
 */
/**
 * systemd's Restart= values, plus `on-nonzero`: restart after anything but
 * exit code 0 (Redox R1 `recovery`, Kubernetes OnFailure), where systemd's
 * on-failure counts SIGTERM as clean.
 */
export type RestartWhen = 'never' | 'always' | 'on-success' | 'on-failure' | 'on-abnormal' | 'on-abort' | 'on-watchdog' | 'on-nonzero';

/** systemd's FailureAction=/StartLimitAction= values that recsim models. */
export type SystemAction = 'none' | 'reboot' | 'reboot-force' | 'reboot-immediate';

/** How the delay before a restart grows with repeated restarts (backoff.ts). */
export type Backoff =
  /** Always `delayUs` (systemd RestartSec=, Redox recovery(ms)). */
  | { kind: 'fixed' }
  /** systemd RestartSteps=/RestartMaxDelaySec=: geometric from `delayUs` to `maxDelayUs` in `steps` steps. */
  | { kind: 'steps'; steps: number; maxDelayUs: Micros }
  /** Kubernetes CrashLoopBackOff: first restart at once, then `initialUs` doubling to `maxUs`; reset after `resetAfterUs`. */
  | { kind: 'crashloop'; initialUs: Micros; maxUs: Micros; resetAfterUs: Micros }
  /** MINIX 3 RS: first restart at once, then 2^n check periods, at most `capPeriods`. */
  | { kind: 'minix'; periodUs: Micros; capPeriods: number }
  /** Android init restart_period: restarted at its last start time plus `periodUs` (at once if that has passed). */
  | { kind: 'restart-period'; periodUs: Micros };

/** Exit statuses that change the restart decision (systemd SuccessExitStatus= etc.). */
export interface ExitStatusRules {
  /** Further exit codes and signals counted as a clean exit. */
  success: readonly ExitStatus[];
  /** Never restarted, whatever `when` says (RestartPreventExitStatus=). */
  preventRestart: readonly ExitStatus[];
  /** Always restarted, whatever `when` says (RestartForceExitStatus=). */
  forceRestart: readonly ExitStatus[];
}

export type ExitStatus = number | 'kill' | 'term' | 'abort';

/** Redox R1: "a policy may map specific codes to specific actions". */
export type ExitAction = 'restart' | 'none' | 'give-up' | 'escalate' | 'reboot' | 'reboot-force' | 'reboot-immediate';

/** systemd StartLimitBurst= starts per StartLimitIntervalSec=; the next start beyond it fails the unit. */
export interface StartLimit {
  burst: number;
  intervalUs: Micros;
  /** StartLimitAction=: what happens to the system besides the unit failing. */
  action: SystemAction;
}

/** OTP supervisor restart strategies, plus Redox's "restart only the services that depend on it". */
export type GroupStrategy = 'one_for_one' | 'one_for_all' | 'rest_for_one' | 'restart-dependents';

/** How a monitor treats its children as a group (set on the monitor; init's comes from `system.supervisor`). */
export interface SupervisorSpec {
  strategy: GroupStrategy;
  /** OTP intensity/period: more than `maxRestarts` restarts within `periodUs` and the supervisor gives up. */
  intensity?: { maxRestarts: number; periodUs: Micros };
}

/** One rung of a Windows service-recovery ladder. */
export type LadderAction = { kind: 'restart'; delayUs: Micros } | { kind: 'reboot' } | { kind: 'none' };

/** Windows SCM failure actions (lpsaActions, any length; the last repeats past the end); the count resets after `resetUs` without failures (Infinity: never). */
export interface FailureLadder {
  actions: readonly LadderAction[];
  resetUs: Micros;
}

/** What a preset does when a component marked `critical` terminates. */
export type CriticalAction =
  | { kind: 'none' }
  /**
   * Android init `critical [window=<mins>] [target=<fatal reboot target>]`: more than `maxExits`
   * exits in `windowUs` (or before boot completes) reboots into `target` (`bootloader` by default),
   * where the device stays; `target: normal` boots Android again instead (recsim's value).
   */
  | { kind: 'android-init'; maxExits: number; windowUs: Micros; target: string }
  /** Reboot the system: on any termination (Fuchsia RFC-0110 text) or on failures only. */
  | { kind: 'reboot'; mode: 'graceful' | 'force' | 'immediate'; on: 'any' | 'failure' };

/**
 * A component's recovery policy: the typed IR that `sim/policy/` decides on.
 * Front ends produce it (the scenario loader resolves a file's policy
 * fields and any preset into it); this folder knows nothing of files. The model never interprets it: it hands it to `decideRecovery`
 * with a `FailureContext` and applies the effects that come back.
 * Fields after `heartbeatMissLimit` are optional: absent means "not used".
 */
export interface RecoveryPolicy {
  when: RestartWhen;
  delayUs: Micros;
  /** Give up (state failed) after this many restarts since boot; Infinity = never. */
  maxRestarts: number;
  /** Consecutive missed heartbeats before the monitor kills a hung component (MINIX 3, k8s failureThreshold). */
  heartbeatMissLimit: number;
  /** The preset the policy was built from, for reports. */
  preset?: string;
  backoff?: Backoff;
  /** Adds up to this fraction of the delay, drawn from the component's seeded stream (0 = none). */
  jitter?: number;
  exitStatus?: ExitStatusRules;
  exitActions?: Readonly<Record<string, ExitAction>>;
  startLimit?: StartLimit;
  /** systemd FailureAction=: at every entry to the failed state (from v254 a failure Restart= restarts too, unless RestartMode=direct; before, failing for good only). */
  failureAction?: SystemAction;
  /** For a monitor: how it treats its children. */
  supervisor?: SupervisorSpec;
  /** init's behaviour towards its children (`system.supervisor` or the preset); every component carries it, init not being one. */
  rootSupervisor?: SupervisorSpec;
  ladder?: FailureLadder;
  /** The scenario marks this component essential to the system; `criticalAction` says what that means. */
  critical?: boolean;
  criticalAction?: CriticalAction;
  /** Redox R6: a failure within this long of a restart's start marks the component unresponsive (failed). */
  stormGuardUs?: Micros;
  /** systemd BindsTo=: stopped when any of these terminates. */
  bindsTo?: readonly string[];
  /** systemd PartOf=: restarted (stopped, then started) when any of these is restarted. */
  partOf?: readonly string[];
  /** systemd OnFailure=: units started when this one enters the failed state (which failures do: `systemdVersion`, `restartMode`). */
  onFailure?: readonly string[];
  /** systemd OnSuccess=: units started when this one ends cleanly and enters the inactive state (`systemdVersion`, `restartMode`). */
  onSuccess?: readonly string[];
  /** systemd RestartMode= (v254): `direct` restarts without passing through the failed state. */
  restartMode?: 'normal' | 'direct';
  /** The systemd version whose semantics apply (OnFailure=, RestartMode=): 255 unless the scenario says. */
  systemdVersion?: number;
}

/** What a component went through since the last boot; each list holds at most HISTORY_MAX instants, oldest first. */
export interface PolicyHistory {
  startsUs: readonly Micros[];
  failuresUs: readonly Micros[];
  restartsUs: readonly Micros[];
  /**
   * Instants of every termination handed to the policy, clean exits included
   * (optional: when absent, policies fall back to `failuresUs`).
   */
  endsUs?: readonly Micros[];
  /** Restarts since boot, counted without bound (`restartsUs` keeps only the last HISTORY_MAX). */
  restarts?: number;
}

/** How many times the component was restarted since boot. */
export function restartsSoFar(history: PolicyHistory): number {
  return history.restarts ?? history.restartsUs.length;
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
  /** The rest of the system as it is now (relations such as BindsTo, group strategies, a supervisor's children). */
  system: SystemView;
  /** A seeded stream private to this component's decisions (for jitter); same seed, same draws. */
  random: () => number;
}

export interface ComponentView {
  name: string;
  state: LifecycleState;
  monitor: string;
  depends: readonly string[];
  /** systemd Requires= and Requisite= (sim/scenario/edges.ts): their stop and restart jobs propagate to this component. */
  requires?: readonly string[];
  requisite?: readonly string[];
  policy: RecoveryPolicy;
  /** Its history since boot (optional: OTP intensity counts the restarts of all of a supervisor's children). */
  history?: PolicyHistory;
}

/** What a decision asks the model to do. */
export type Effect =
  | { kind: 'restart'; component: string; delayUs: Micros }
  /** Stop a component gracefully without treating its end as a failure (group strategies). */
  | { kind: 'stop'; component: string }
  /** Start a unit that is not running (systemd OnFailure=: a start job for each listed unit). */
  | { kind: 'start'; component: string; reason: string }
  /**
   * OTP one_for_all / rest_for_one (supervisor.erl restart_multiple_children): `stop` are
   * terminated one at a time in the order given (reverse start order), each with its shutdown;
   * once all have terminated, `restart` (start order, the failed child included) start again.
   */
  | { kind: 'stop-then-restart'; stop: string[]; restart: string[] }
  | { kind: 'give-up'; component: string }
  /** graceful: orderly shutdown; force: kill everything but flush filesystems; immediate: panic. */
  /** `target`: an immediate reboot into a reboot target outside the OS (Android init's fatal reboot target): the device stays there. */
  | { kind: 'reboot'; mode: 'graceful' | 'force' | 'immediate'; reason: string; target?: string }
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
