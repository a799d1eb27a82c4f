import type { Micros } from '../engine/time.js';
import type { RecoveryPolicy } from '../policy/types.js';
import type { ComponentSpec } from '../scenario/types.js';
import type { LifecycleState, Termination } from '../trace/records.js';

/** Why a component is being stopped from outside. */
export type StopReason = 'shutdown' | 'destroy' | 'dependency' | 'policy';

/** A Started/Stopped event on its way to a supervisor (F10). */
export interface SupervisorEvent {
  event: 'started' | 'stopped';
  component: string;
  ok: boolean;
  status: string;
  cause: number;
}

/** The mutable state of one component during a run; owned by the World. */
export interface ComponentRuntime {
  readonly spec: ComponentSpec;
  readonly index: number;
  state: LifecycleState;
  /** Bumped whenever the process changes (start, termination, reset); stale events carry an old value. */
  generation: number;
  startedAtUs: Micros;
  restarts: number;
  /** Set while the component waits for its dependencies before a start. */
  waitingForDeps: boolean;
  /** Components it must also wait for before it starts again (R8: the failed core daemon, or its user monitor). */
  waitFor: string[];
  /** Taken down by a dependency or a user-monitor strategy: its next start counts as a restart. */
  resumeAsRestart: boolean;
  /** Set by a start failure, so the supervisor hears Started-with-error rather than Stopped (F10). */
  failedToStart: boolean;
  /** A run-time override of its restart policy (R2). */
  policyOverride?: RecoveryPolicy;
  /** Supervisor (F10): events waiting for it to start (`on_receive: start`). */
  pendingEvents: SupervisorEvent[];
  /** `seq` of the record that asked for the pending start. */
  pendingStartCause?: number;
  /** Terminated while its monitor was down: handled when the monitor starts again. */
  unhandledTermination?: { seq: number; termination: Termination };
  stopReason?: StopReason;
  failNextStarts: number;
  /** Consecutive heartbeats missed while hung. */
  missedHeartbeats: number;
  /** A restart asked for while the component was still stopping (group strategies): `seq` of its cause. */
  restartWhenStopped?: number;
  /** This monitor escalated: it ends once its children have stopped. `seq` of the decision. */
  escalation?: number;
  history: { startsUs: Micros[]; failuresUs: Micros[]; restartsUs: Micros[]; endsUs: Micros[] };
  ignoresStop: boolean;
  /** Completion instants of the requests in flight, oldest first (Infinity while hung). */
  inflight: Micros[];
}

export function newRuntime(spec: ComponentSpec, index: number): ComponentRuntime {
  return {
    spec,
    index,
    state: 'stopped',
    generation: 0,
    startedAtUs: 0,
    restarts: 0,
    waitingForDeps: false,
    waitFor: [],
    resumeAsRestart: false,
    failedToStart: false,
    pendingEvents: [],
    failNextStarts: 0,
    missedHeartbeats: 0,
    history: { startsUs: [], failuresUs: [], restartsUs: [], endsUs: [] },
    ignoresStop: false,
    inflight: [],
  };
}

/** Appends an instant to a bounded history list (oldest dropped first). */
export function remember(list: Micros[], atUs: Micros, max: number): void {
  list.push(atUs);
  if (list.length > max) list.shift();
}

/** Alive means a process exists: it can be stopped, killed or crash. */
export function isAlive(state: LifecycleState): boolean {
  return state === 'starting' || state === 'running' || state === 'stopping' || state === 'hung';
}

/** Bytes written since the last periodic flush, for a component running since `startedAtUs`. */
export function unflushedBytes(c: ComponentRuntime, nowUs: Micros): number {
  const dirty = c.spec.dirtyData;
  if (!dirty || !isAlive(c.state)) return 0;
  const sinceStart = nowUs - c.startedAtUs;
  const sinceFlush = sinceStart % dirty.flushEveryUs;
  return Math.round((dirty.writeBytesPerS * sinceFlush) / 1_000_000);
}

/** Requests still in flight at `nowUs`; completed ones are dropped from the front. */
export function inflightAt(c: ComponentRuntime, nowUs: Micros): number {
  const queue = c.inflight;
  let done = 0;
  while (done < queue.length && queue[done]! <= nowUs) done++;
  if (done > 0) queue.splice(0, done);
  return queue.length;
}
