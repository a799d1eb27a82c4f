import { isFailure } from '../../policy/termination.js';
import { COMPONENT_MANAGER, SHUTDOWN_SHIM } from '../actors.js';
import { ref, type Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type StateView, type Reactor, type TimerReactor } from '../reactor.js';
import { isSettled, systemIsStopping } from '../state.js';
import type { Topology } from '../topology.js';

/**
 * The power manager and the reboot path: Admin.Reboot through the shutdown
 * shim (F7), the panic of a main-process-critical component (F9), boot
 * completion.
 *
 * F7, from the sources rather than the RFC's one line:
 * - component_manager (`ComponentManagerInstance::trigger_reboot`,
 *   src/sys/component_manager/src/model/component/manager.rs) connects to
 *   `fuchsia.hardware.power.statecontrol.Admin` and awaits `Reboot` with no
 *   timeout of its own; a connection error or an error returned by `Reboot`
 *   makes it panic ("triggering reboot failed. Crashing component_manager
 *   instead").
 * - Admin is served by the shutdown shim (src/power/shutdown-shim/main.cc,
 *   later src/lib.rs), which forwards the call at once. Its `forward_command`
 *   first probes the power manager (`connect_to_protocol_with_timeout`, with
 *   `SERVICE_CONNECTION_TIMEOUT = 2 s`); when the probe times out or the call
 *   fails in transport (ZX_ERR_UNAVAILABLE), it falls back to
 *   `drive_shutdown_manually`: `fuchsia.sys2.SystemController/Shutdown`, that is
 *   component_manager's own orderly shutdown of every component. So the
 *   fallback flushes what a graceful reboot flushes. Any other error returned
 *   by the power manager goes back to the caller unchanged.
 */

/**
 * The error goes back to the caller. The component manager panics; a
 * supervisor (F10) is an ordinary component and has no such fallback: the
 * reboot just does not happen.
 */
function rebootCallFailed(why: string, culprit: string | undefined, cause: number, by: string): Command[] {
  if (by === COMPONENT_MANAGER) return [{ do: 'reset', reason: why, culprit, cause, flushFilesystems: false }];
  return [
    { do: 'clear-reboot-in-flight' },
    { do: 'emit', draft: { type: 'decision', component: culprit ?? by, by, action: 'none', reason: `${why}; a supervisor cannot fall back to a panic` }, cause },
  ];
}

/** The shim cannot reach the power manager: it has component_manager shut the system down in order. */
function shimDrivesShutdown(why: string, culprit: string | undefined, reason: string, cause: number, by: string): Command[] {
  return [
    {
      do: 'emit',
      draft: { type: 'decision', component: culprit ?? by, by: SHUTDOWN_SHIM, action: 'shutdown', reason: `${why}: the shim drives the shutdown itself (SystemController.Shutdown, an orderly shutdown)` },
      cause,
    },
    { do: 'begin-shutdown', reason, culprit, cause: ref(0) },
  ];
}

/** F7: the request reaches the shim at once, and the shim forwards it at once. */
export const forwardThroughShim: Reactor<FactOf<'reboot-requested'>> = (s, fact, ctx) => {
  // Already going down (a panic queued before this request, or a second request from a flawed component manager).
  if (systemIsStopping(s)) return NO_COMMANDS;
  const pm = ctx.topo.powerManager;
  // No power manager in the product: nothing offers Admin to the component manager (RFC-0110: "when the protocol is missing").
  if (pm === undefined) return rebootCallFailed('Admin.Reboot failed: the protocol is missing (no power manager)', fact.culprit, fact.seq, fact.by);
  const pmState = s.components[pm]!.life.state;
  if (pmState === 'hung') {
    // The shim's liveness probe gets no answer: it gives up after its connect timeout.
    const event = { k: 'shim-connect-timeout' as const, epoch: s.epoch, cause: fact.seq, culprit: fact.culprit, reason: fact.reason, by: fact.by };
    return [{ do: 'schedule', delayUs: ctx.topo.scenario.system.shimDelayUs, event }];
  }
  if (pmState !== 'running') return shimDrivesShutdown(`the power manager is ${pmState} (transport error)`, fact.culprit, fact.reason, fact.seq, fact.by);
  if (s.rebootCallFailures > 0) return [{ do: 'take-reboot-call-failure' }, ...rebootCallFailed('Admin.Reboot returned an error', fact.culprit, fact.seq, fact.by)];
  return [{ do: 'begin-shutdown', reason: fact.reason, culprit: fact.culprit, cause: fact.seq }];
};

export const onShimConnectTimeout: TimerReactor<'shim-connect-timeout'> = (s, e, ctx) => {
  if (e.epoch !== s.epoch || systemIsStopping(s)) return NO_COMMANDS;
  const why = `timed out connecting to the power manager (${ctx.topo.scenario.system.shimDelayUs / 1e6}s)`;
  return shimDrivesShutdown(why, e.culprit, e.reason, e.cause, e.by);
};

export const onBootTimer: TimerReactor<'boot'> = (_s, e) => [{ do: 'boot', cause: e.cause }];

/**
 * F9: a non-zero exit or a kill of a main-process-critical component brings
 * the system down ungracefully, whoever ended it (RFC-0110: "causes
 * component_manager's root job to terminate when the component exits with a
 * non-zero status or is killed"), except a system stop or a destroy.
 */
export const criticalProcessPanics: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  const spec = ctx.topo.specs[fact.c]!;
  const outsideASystemStop = fact.route === 'own' || fact.route === 'policy' || fact.route === 'dependency';
  if (!outsideASystemStop || systemIsStopping(s) || !spec.mainProcessCritical || !isFailure(fact.termination)) return NO_COMMANDS;
  return [{ do: 'reset', reason: 'critical-process-failure', culprit: spec.name, cause: fact.seq, flushFilesystems: false }];
};

/**
 * Boot completes once every component started at boot runs, or was given up
 * on or destroyed. Those not started at boot (`start: on-demand`) are not
 * waited for; one that an operator or OnFailure= started and that settled is
 * not counted twice.
 */
function bootComplete(s: StateView, topo: Topology): readonly Command[] {
  if (s.power !== 'booting') return NO_COMMANDS;
  let settledNotAtBoot = 0;
  for (const c of topo.notAtBoot) if (isSettled(s.components[c]!.life.state)) settledNotAtBoot++;
  return s.settled - settledNotAtBoot === s.components.length - topo.notAtBoot.length ? [{ do: 'complete-boot' }] : NO_COMMANDS;
}

export const completeBootAfterStart: Reactor<FactOf<'started'>> = (s, _fact, ctx) => bootComplete(s, ctx.topo);
export const completeBootAtOnce: Reactor<FactOf<'boot-started'>> = (s, _fact, ctx) => bootComplete(s, ctx.topo);
