import type { Micros } from '../engine/time.js';
import type { RequestLedger } from './request-ledger.js';
import type { RecoveryPolicy } from '../policy/types.js';
import type { LifecycleState, PowerState, Termination } from '../trace/records.js';
import type { ProbeStatus } from '../probes/types.js';
import type { ArmedFault } from '../faults/commands.js';
import type { DeepReadonly } from './readonly.js';
import { NO_HISTORY, type History } from './history.js';
import { emptyList } from './shared-empty.js';

/** Each list, and the whole history of a component that has been through nothing, is shared until written (history.ts). */
export type { History };

/**
 * The whole mutable state of a run, as plain data: `structuredClone` copies
 * it, so a run can be forked at any event. No closures, no class instances.
 * Only `apply` (apply.ts) writes it; reactors read it.
 */
export interface SystemState {
  power: PowerState;
  /** Bumped by every boot, reboot and panic: timers scheduled before it are stale. */
  epoch: number;
  bootCount: number;
  /** F6: one reboot task at most. */
  rebootInFlight: boolean;
  bootCompleted: boolean;
  /** Admin.Reboot calls that will return an error (fault `reboot_call_fails`). */
  rebootCallFailures: number;
  /** Components whose state is running, failed or destroyed: boot completes when all are. */
  settled: number;
  shutdown?: ShutdownProgress;
  components: ComponentState[];
  /** Triggered faults (`when:`): how many more times each may fire, by fault index. */
  triggerBudget: number[];
  /** The id the next ordered group stop gets. */
  nextStopGroup: number;
  /** Per component that serves requests: what became of them (request-ledger.ts); boots do not reset it. */
  clientRequests: (RequestLedger | undefined)[];
}

/**
 * F8/R5: an orderly shutdown, computed from the declared graph. A component
 * is asked to stop once everything that must stop before it (dependents,
 * supervised children; for the power manager, everything) has finished; it
 * finishes once it is ready and no longer alive, whether it was stopped or
 * was already down, so a stopped component still orders the ones around it.
 */
export interface ShutdownProgress {
  /** `seq` of the shutdown-started record. */
  cause: number;
  /** Per component: how many of those that must stop before it have not finished. */
  waitingFor: number[];
  finished: boolean[];
  finishedCount: number;
}

/** A Started/Stopped event on its way to a supervisor (F10). */
export interface SupervisorEvent {
  event: 'started' | 'stopped';
  component: string;
  ok: boolean;
  status: string;
  cause: number;
}

/** Why a component is being stopped from outside. */
/** `probe`: the kubelet kills a container that failed its liveness or startup probe (SIGTERM, then SIGKILL after the grace period). */
export type StopReason = 'shutdown' | 'destroy' | 'dependency' | 'policy' | 'binding' | 'operator' | 'probe';

/** A stop job from outside the unit's own policy: a group decision, systemd BindsTo=/PartOf=, an operator (systemctl stop). */
export function isJobStop(reason: StopReason | undefined): boolean {
  return reason === 'policy' || reason === 'binding' || reason === 'operator';
}

export interface StopRequest {
  reason: StopReason;
  /** `seq` of the stop-requested record. */
  cause: number;
  /** Taken down from outside: besides its dependencies, it waits for these before it starts again (R8). */
  waitFor: string[];
  /** How the end is recorded whether the process honours the stop or is killed at its timeout (a liveness kill is a probe failure). */
  as?: Termination;
  /** `seq` of the detection that asked for the stop (a failed probe): the end is already found. */
  detected?: number;
}

/** A start waiting for the components it needs (R4), its monitor, or those named by a strategy (R8). */
export interface PendingStart {
  cause: number;
  /** What asked for it: a boot, a monitor's restart, a resume after being taken down from outside, or a start job (operator, OnFailure=). */
  origin: 'boot' | 'restart' | 'resume' | 'start';
  /** Taken down from outside: the start counts as a restart. */
  asRestart: boolean;
  /** Names it must also wait for besides its dependencies and monitor. */
  waitFor: string[];
  /** Its start was refused (R4): what it waits for is left down, so those waiting for it are blocked too. */
  refused?: boolean;
}

/** A live process: when it started (its clients' requests are kept in SystemState.clientRequests: they outlive it). */
export interface Process {
  startedAtUs: Micros;
  /** A stop asked for and not yet carried out (ignored, or the process hangs). */
  stop?: StopRequest;
}

/** A component's lifecycle state, each carrying its own data. */
export type Life =
  | { state: 'stopped'; pending?: PendingStart }
  | { state: 'starting' }
  | ({ state: 'running' } & Process)
  | ({ state: 'hung'; hungCause: number; missedHeartbeats: number } & Process)
  | ({ state: 'stopping' } & Process & { stop: StopRequest })
  | { state: 'failed' }
  | { state: 'destroyed' };

/**
 * The lifecycle states that carry no data: one object each, shared by every
 * component in that state (a million components stopped before boot, or
 * starting during it, make no million objects). A life is not written into
 * (a change is a new object; the one exception, a hung life's count of missed
 * heartbeats, is never shared), and these are frozen, so nothing can. Lives
 * with data are shared too where a boot makes many alike (writer/shared-lives.ts).
 */
export const STOPPED_LIFE: Life = Object.freeze({ state: 'stopped' });
export const STARTING_LIFE: Life = Object.freeze({ state: 'starting' });
export const FAILED_LIFE: Life = Object.freeze({ state: 'failed' });
export const DESTROYED_LIFE: Life = Object.freeze({ state: 'destroyed' });


/** What a component carries across its lifecycle states; reset at every boot (except `generation`). */
export interface ComponentState {
  life: Life;
  /** Bumped whenever the process changes (start, termination): stale timers carry an old value. */
  generation: number;
  restarts: number;
  history: History;
  /** This and the other lists below: shared while empty, so added to with `appended` (shared-empty.ts), never pushed onto. */
  armed: ArmedFault[];
  /** A run-time override of its restart policy (R2). */
  policyOverride?: RecoveryPolicy;
  /** Supervisor (F10): events waiting for it to start (`on_receive: start`). */
  pendingEvents: SupervisorEvent[];
  /** Terminated while its monitor was down: handled when the monitor runs again. */
  unhandledTermination?: { seq: number; termination: Termination; ranForUs: number };
  /** Stopped by a group decision (the decision's `seq`): restarted with its group once all of it is down. */
  restartBatch?: number;
  /** This monitor escalated (the decision's `seq`): it ends once its children have stopped. */
  escalation?: number;
  /** A restart of it is scheduled (its timer armed, not yet fired): it is on its way back (R4, R7). */
  restartScheduled?: boolean;
  /** Components waiting for this one to run before they start (indices). */
  waiters: number[];
  /** A member of an ordered group stop (R4, R8): the group's id. */
  stopGroup?: number;
  /** Queued in that group: asked to stop once `waitingFor` more members that depend on it have ended. */
  queuedStop?: QueuedStop;
  /** `seq` of its last terminated record: why a save to it failed (R8). */
  lastEndSeq?: number;
  /** Kubernetes probes: what the kubelet knows of the current process (reset at each start). */
  probe?: ProbeStatus;
  /**
   * systemd: an automatic restart is scheduled (`due`), or was cancelled by a
   * stop job before its timer fired (`cancelled`: service_enter_restart() "Stop
   * job pending for unit, skipping automatic restart").
   */
  autoRestart?: 'due' | 'cancelled';
  /**
   * systemd: its start job failed and is gone (Requisite=, or a Requires=/BindsTo= unit it is ordered
   * after failed to start). At boot it no longer counts as being started though it never started, so a
   * unit ordered After= it alone starts (the job it waited for is over). A boot gives a fresh state.
   */
  startJobDropped?: true;
}

/** A stop that waits for the members of its group that depend on this component (dependents first). */
export interface QueuedStop {
  waitingFor: number;
  /** Stopped in turn (OTP terminate_children): the member whose end is its turn. */
  after?: number;
  reason: StopReason;
  cause: number;
  waitFor: string[];
}

/**
 * A component before its first start: its seven fields and nothing more, the
 * data-less parts shared (shared-empty.ts). The optional fields are added
 * when first set, and a writer that clears one it never set leaves it absent
 * (setting `undefined` would add the field, and with it a property store, to
 * every component).
 */
export function freshComponent(generation: number): ComponentState {
  return {
    life: STOPPED_LIFE,
    generation,
    restarts: 0,
    history: NO_HISTORY,
    armed: emptyList(),
    pendingEvents: emptyList(),
    waiters: emptyList(),
  };
}

/** The fields `freshComponent` sets; any other set to a value means a component has been through something. */
const FRESH_FIELDS = { life: true, generation: true, restarts: true, history: true, armed: true, pendingEvents: true, waiters: true } as const;

/**
 * Whether a component is as `freshComponent(component.generation)` would
 * make it, so a boot need not replace it: the first boot of a run finds
 * every component so (at 10^6 components, a million objects not made).
 */
export function isFresh(component: ComponentState): boolean {
  if (component.life.state !== 'stopped' || component.life.pending !== undefined || component.restarts !== 0) return false;
  const { history } = component;
  if (history.startsUs.length + history.failuresUs.length + history.restartsUs.length + history.endsUs.length > 0) return false;
  if (component.armed.length + component.pendingEvents.length + component.waiters.length > 0) return false;
  for (const key in component) if (!(key in FRESH_FIELDS) && component[key as keyof ComponentState] !== undefined) return false;
  return true;
}

export function initialState(componentCount: number, triggerBudget: number[]): SystemState {
  return {
    power: 'booting',
    epoch: 0,
    bootCount: 0,
    rebootInFlight: false,
    bootCompleted: false,
    rebootCallFailures: 0,
    settled: 0,
    components: Array.from({ length: componentCount }, () => freshComponent(0)),
    triggerBudget,
    nextStopGroup: 0,
    clientRequests: [],
  };
}

/** Alive means a process exists: it can be stopped, killed or crash. */
export function isAlive(state: LifecycleState): boolean {
  return state === 'starting' || state === 'running' || state === 'stopping' || state === 'hung';
}

/** Counts towards boot completion. */
export function isSettled(state: LifecycleState): boolean {
  return state === 'running' || state === 'failed' || state === 'destroyed';
}

export function systemIsStopping(s: Pick<SystemState, 'power'>): boolean {
  return s.power === 'shutting-down' || s.power === 'rebooting' || s.power === 'panic' || s.power === 'halted';
}

/** The process of a component that has one past its start (running, hung, stopping). */
export function processOf(life: Life): Process | undefined {
  return life.state === 'running' || life.state === 'hung' || life.state === 'stopping' ? life : undefined;
}

/** The stop asked of a live component and not yet done. */
export function stopOf(life: DeepReadonly<Life>): DeepReadonly<StopRequest> | undefined {
  return life.state === 'running' || life.state === 'hung' || life.state === 'stopping' ? life.stop : undefined;
}
