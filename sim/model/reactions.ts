import type { FactReactors, TimerReactors } from './reactor.js';
import { destroySingleRunChild, destroyTransientChildren } from './reactors/collections.js';
import { flawedRebootDuringShutdown, rebootOnTerminate } from './reactors/component-manager.js';
import { propagateBindings } from './reactors/bindings.js';
import { advanceStopGroup, stopDependents } from './reactors/dependencies.js';
import { injectByKind, onFaultTimer } from './reactors/faults.js';
import { awaitResume, failStartsOrderedAfter, onStartDone, onStopDone, onStopTimeout, reevaluateWaiters, refuseBootStartsOnBlock, refuseBootStartsOnEnd, releaseWaiters, startAll } from './reactors/lifecycle.js';
import { afterPolicyStop, decideAfterTermination, handleMissedTerminations, onRestartTimer } from './reactors/monitor.js';
import { completeBootAfterStart, completeBootAtOnce, criticalProcessPanics, forwardThroughShim, onBootTimer, onShimConnectTimeout } from './reactors/power.js';
import { armProbes, onProbe, onProbeResult } from './reactors/probes.js';
import { shutdownProgresses, stopWhatIsReady } from './reactors/shutdown.js';
import { deliverPendingEvents, notifySupervisors, startForOwedEvents } from './reactors/supervisor-events.js';
import { onOperator } from './reactors/operator.js';
import { onCoreFailure } from './reactors/user-monitor.js';
import { onCall, onCallTimeout, onHeartbeat, watchHung } from './reactors/watchdog.js';

/** Who answers each timer: exactly one reactor per kind (request arrivals decide nothing: the writer counts them, see BookkeepingEventKind). */
export const TIMERS: TimerReactors = {
  fault: onFaultTimer,
  'start-done': onStartDone,
  'stop-done': onStopDone,
  'stop-timeout': onStopTimeout,
  restart: onRestartTimer,
  heartbeat: onHeartbeat,
  call: onCall,
  'call-timeout': onCallTimeout,
  'shim-connect-timeout': onShimConnectTimeout,
  boot: onBootTimer,
  probe: onProbe,
  'probe-result': onProbeResult,
};

/**
 * The order in which reactors see each fact: this table is the behaviour
 * that used to hide in the order of follow-up calls. Each reactor's commands
 * are applied before the next reactor looks, so a later one sees what an
 * earlier one did (a panic first means nothing after it restarts anything).
 */
export const REACTIONS: FactReactors = {
  'boot-started': [startAll, completeBootAtOnce, armProbes],
  'fault-injected': [injectByKind],
  operator: [onOperator],
  'shutdown-started': [stopWhatIsReady],
  'reboot-requested': [forwardThroughShim],
  'start-blocked': [refuseBootStartsOnBlock, reevaluateWaiters, failStartsOrderedAfter],
  started: [releaseWaiters, handleMissedTerminations, deliverPendingEvents, completeBootAfterStart],
  // Kubernetes: a provider that passes its readiness probe releases what waits for it.
  ready: [releaseWaiters],
  hung: [watchHung],
  terminated: [
    // The system is going down: only the shutdown's own bookkeeping (and a flawed component manager) react.
    flawedRebootDuringShutdown,
    shutdownProgresses,
    // F9 first: a critical process that fails outside a system stop (on its own, or stopped by a
    // policy or a dependency and not ending cleanly) panics, and nothing after it restarts anything.
    criticalProcessPanics,
    // Ended for any reason outside a system stop.
    advanceStopGroup,
    destroyTransientChildren,
    startForOwedEvents,
    afterPolicyStop,
    stopDependents,
    awaitResume,
    // Ended on its own: who is told, then who decides.
    notifySupervisors,
    onCoreFailure,
    rebootOnTerminate,
    destroySingleRunChild,
    decideAfterTermination,
    // systemd BindsTo=/PartOf=, after the decision: a stop job it propagates cancels a restart just scheduled.
    propagateBindings,
    // What waited for it at boot is told, after its monitor has decided.
    refuseBootStartsOnEnd,
    // systemd After=/Requisite=: a start ordered after its start job runs (or is refused) now that job is over.
    reevaluateWaiters,
    // systemd: a failed start job fails the start jobs ordered after it through Requires=/BindsTo=, waiting on it or not.
    failStartsOrderedAfter,
  ],
};
