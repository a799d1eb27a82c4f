import type { Micros } from '../engine/time.js';
import type { PowerState, RecordDraft, Termination } from '../trace/records.js';
import type { SimEvent } from './events.js';
import type { FaultCommand } from '../faults/commands.js';
import type { ProbeKind, ProbeStatus } from '../probes/types.js';
import type { PendingStart, StopReason, SupervisorEvent } from './state.js';

/**
 * A cause is a record's `seq`, or a reference to the first record written by
 * an earlier command of the same batch (`{ ref: k }`: the k-th command the
 * reactor returned). This lets a pure reactor chain detection -> decision ->
 * action without knowing the sequence numbers in advance.
 */
export type Cause = number | { ref: number } | undefined;

export const ref = (k: number): { ref: number } => ({ ref: k });

/**
 * Everything a reactor may ask of the model. `apply` is the only code that
 * carries them out: it changes the state, writes the records and schedules
 * the timers. Each command is guarded by the state it finds, so a command
 * made pointless by an earlier one (stopping a process that has ended)
 * changes nothing.
 */
export type Command =
  | Exclude<FaultCommand, { do: 'terminate' }>
  /** Writes the fault's record, then carries out what the fault kind injects. */
  | { do: 'inject-fault'; fault: number; source: 'scripted' | 'triggered' | 'stochastic'; cause: Cause }
  /** Writes one record. */
  | { do: 'emit'; draft: RecordDraft; cause: Cause }
  | { do: 'schedule'; delayUs: Micros; event: SimEvent }
  /** A probe worker's next tick, and the ticks after it that find nothing before `wakeAtUs` unless component `c` changes (Engine.scheduleQuiet, sim/model/probe-ticks.ts). */
  | { do: 'schedule-quiet'; c: number; probe: ProbeKind; delayUs: Micros; periodUs: Micros; wakeAtUs: Micros; event: SimEvent }
  /** `stop` marks it taken down from outside; `startFailed` that it exited during its start. */
  | { do: 'terminate'; c: number; termination: Termination; graceful: boolean; cause: Cause; detected?: Cause; stop?: { reason: StopReason; waitFor: string[] }; startFailed?: boolean }
  /** Writes `killed` with the reason, then ends the process ungracefully; `stop` marks it taken down from outside. */
  | { do: 'kill'; c: number; reason: string; termination: Termination; cause: Cause; detected?: Cause; stop?: { reason: StopReason; waitFor: string[] } }
  /** R4: start now if what it needs runs, else wait for it (`why` says whether a refusal is recorded and whether it counts as a restart). */
  | { do: 'request-start'; c: number; cause: Cause; why: 'boot' | 'restart' | 'resume' | 'start'; waitFor?: string[] }
  /**
   * R4 at boot: a start waiting for something that will not run for now is refused, naming what is missing.
   * `failed`: a Requires=/BindsTo= unit it is ordered after whose start job failed (sim/model/start-failure.ts):
   * refused naming it, and the start is dropped (systemd JOB_DEPENDENCY, "Dependency failed for ...").
   */
  | { do: 'refuse-start'; c: number; cause: Cause; failed?: number }
  /** A waiting component whose wait is over starts (counted as a restart if it was taken down from outside). */
  | { do: 'release'; c: number }
  | { do: 'clear-waiters'; c: number }
  /** The start gate's answer: the component waits to start, with what it waits for. */
  | { do: 'set-pending'; c: number; pending: PendingStart }
  /**
   * The start gate's refusal: writes start-refused naming the missing components and tells those waiting for it.
   * `dropsJob`: the start is gone, not kept waiting (systemd Requisite=: the start job fails, JOB_DEPENDENCY).
   */
  | { do: 'write-start-refused'; c: number; missing: number[]; cause: Cause; dropsJob?: boolean }
  /** A restart counted and recorded (the start follows, or not, as the gate said). */
  | { do: 'write-restart'; c: number; cause: Cause }
  /** A start begins (its latency, slowed by any armed fault). */
  | { do: 'begin-start'; c: number; cause: Cause }
  /** A start fails at once for the reason given (F4: not in the allowlist); those waiting for it are blocked. */
  | { do: 'fail-start'; c: number; reason: string; cause: Cause }
  /** The scheduled restart is no longer pending (it fired). */
  | { do: 'unschedule-restart'; c: number }
  /** A triggered fault fires: one of its `times` is used. */
  | { do: 'use-trigger'; fault: number }
  /** A start's latency has passed. */
  | { do: 'finish-start'; c: number }
  /** Arms a restart timer for this boot (a reboot makes it stale). */
  | { do: 'schedule-restart'; c: number; delayUs: Micros; cause: Cause; quiet?: boolean; waitFor?: string[] }
  /** A restart timer fired: counted, recorded, then started as its dependencies allow. */
  /** `waitFor`: names it must also wait for (OTP: the sibling started before it in a group restart). */
  | { do: 'restart'; c: number; cause: Cause; waitFor?: string[] }
  /** systemd: the restart job is scheduled and counted ("Scheduled restart job, restart counter is at N") but its start is refused (the start limit). */
  | { do: 'count-restart'; c: number; cause: Cause }
  /** A stop job reached a unit waiting for its automatic restart: the restart will not happen. */
  | { do: 'cancel-auto-restart'; c: number; forget?: boolean }
  /** A start job (systemctl start, OnFailure=): a stopped or failed unit starts, as its dependencies allow; not counted as a restart. */
  | { do: 'start'; c: number; cause: Cause }
  /**
   * systemd service_start(): "This is not an automatic restart? Flush the restart counter then."
   * (`s->n_restarts = 0` unless the start is the automatic restart's; flush_n_restarts in v240-v253).
   */
  | { do: 'flush-restarts'; c: number }
  /** systemctl reset-failed: the start-limit counter is cleared and a failed unit becomes stopped (unit_reset_failed()). */
  | { do: 'reset-failed'; c: number; cause: Cause }
  /** Re-registers a waiting component on the next component it waits for. */
  | { do: 'wait-on'; c: number; on: number }
  /** `as`: how the end is recorded however it comes; `timeoutUs`: this stop's timeout (Kubernetes' grace period) instead of the component's. */
  | { do: 'stop'; c: number; reason: StopReason; cause: Cause; waitFor?: string[]; as?: Termination; timeoutUs?: Micros; detected?: Cause }
  /**
   * R4/R8: stops a group dependents first: each member with `waitingFor` 0
   * now, the others once that many members depending on it have ended.
   */
  /** `after`: a member stopped in turn (OTP terminate_children) waits for that one member to end, not for its dependents. */
  | { do: 'stop-group'; members: readonly { c: number; waitingFor: number; after?: number }[]; reason: StopReason; cause: Cause; waitFor?: string[] }
  /** A member of `c`'s group that depends on it has ended. */
  | { do: 'stop-group-tick'; c: number; group: number }
  /** `c` has ended: it is no longer a member of its group. */
  | { do: 'leave-stop-group'; c: number }
  /** The run begins: run-started, the fault plan and background load, then the first boot. */
  | { do: 'start-run'; seed: number }
  | { do: 'set-failed'; c: number; cause: Cause }
  /** A supervisor given up on is brought back to receive an event (F10 `on_receive: start`). */
  | { do: 'set-stopped'; c: number; cause: Cause }
  | { do: 'set-destroyed'; c: number; cause: Cause }
  | { do: 'heartbeat-missed'; c: number }
  | { do: 'defer-termination'; c: number; seq: number; termination: Termination; ranForUs: number }
  | { do: 'take-deferred-termination'; c: number }
  | { do: 'queue-event'; supervisor: number; event: SupervisorEvent }
  | { do: 'take-queued-events'; supervisor: number }
  | { do: 'mark-restart-batch'; c: number; batch: number | undefined }
  /** Joins the restart batch of the decision `cause` (OTP: restarted once every child the decision stops has terminated). */
  | { do: 'join-restart-batch'; c: number; cause: Cause }
  | { do: 'mark-escalation'; c: number; cause: Cause }
  /** An escalating monitor ends (exit 1) once none of its children is alive. */
  | { do: 'finish-escalation'; c: number }
  | { do: 'complete-boot' }
  | { do: 'set-power'; to: PowerState; cause: Cause }
  /** F6/F7: the component manager's or a supervisor's reboot request, handed to the shutdown shim. */
  | { do: 'request-reboot'; culprit: string; reason: string; by: string; cause: Cause; checkInFlight: boolean }
  /** A policy's reboot action: graceful shutdown, reboot-force (flush, then reset) or a panic. */
  | { do: 'policy-reboot'; monitor: string; culprit: string; mode: 'graceful' | 'force' | 'immediate'; reason: string; cause: Cause; target?: string }
  | { do: 'take-reboot-call-failure' }
  /** F6: the reboot slot is taken and the request written; `toShim` hands it to the shutdown shim. */
  | { do: 'write-reboot-request'; culprit?: string; by: string; mode: 'graceful' | 'ungraceful'; reason: string; cause: Cause; toShim?: boolean }
  /** F6: a second request while one is under way: the decision not to reboot again is written. */
  | { do: 'write-reboot-under-way'; culprit: string; by: string; cause: Cause }
  | { do: 'clear-reboot-in-flight' }
  | { do: 'begin-shutdown'; reason: string; culprit?: string; cause: Cause }
  /** F8: a component is ready to stop in the shutdown (or finished, if it is already down). */
  | { do: 'shutdown-ready'; c: number }
  /** `target`: the reboot target the device resets into and stays in (Android's fatal reboot target). */
  | { do: 'reset'; reason: string; culprit?: string; cause: Cause; flushFilesystems: boolean; target?: string }
  | { do: 'boot'; cause: Cause }
  /** Draws the next arrival of a stochastic fault from its seeded stream and schedules it. */
  | { do: 'schedule-stochastic'; fault: number; fromUs: Micros }
  /** Kubernetes probes: the kubelet's counts and results for the component's current process (ignored if stale). */
  | { do: 'set-probe-status'; c: number; status: ProbeStatus };

export type CommandKind = Command['do'];

/** Commands a rule answers when the writer reaches them (requests.ts); every other kind the writer carries out as it is. */
export type RequestKind = 'request-start' | 'refuse-start' | 'release' | 'restart' | 'count-restart' | 'request-reboot' | 'policy-reboot' | 'user-shutdown';
