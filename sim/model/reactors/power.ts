import { isFailure } from '../../policy/termination.js';
import { COMPONENT_MANAGER } from '../actors.js';
import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import type { StateView, Reactor, TimerReactor } from '../reactor.js';
import { systemIsStopping } from '../state.js';

/**
 * The power manager and the reboot path: Admin.Reboot through the shutdown
 * shim (F7), the panic of a main-process-critical component (F9), boot
 * completion.
 */

/**
 * F7: the component manager falls back to a panic. A supervisor (F10) is an
 * ordinary component and has no such fallback: the reboot just does not happen.
 */
function rebootCallFailed(why: string, culprit: string | undefined, cause: number, by: string): Command[] {
  if (by === COMPONENT_MANAGER) return [{ do: 'reset', reason: why, culprit, cause, flushFilesystems: false }];
  return [
    { do: 'clear-reboot-in-flight' },
    { do: 'emit', draft: { type: 'decision', component: culprit ?? by, by, action: 'none', reason: `${why}; a supervisor cannot fall back to a panic` }, cause },
  ];
}

export const onRebootCall: TimerReactor<'reboot-call'> = (s, e, ctx) => {
  if (e.epoch !== s.epoch) return [];
  const pm = ctx.topo.powerManager;
  if (pm === undefined) return rebootCallFailed('Admin.Reboot failed: the protocol is missing (no power manager)', e.culprit, e.cause, e.by);
  if (s.rebootCallFailures > 0) return [{ do: 'take-reboot-call-failure' }, ...rebootCallFailed('Admin.Reboot returned an error', e.culprit, e.cause, e.by)];
  const pmState = s.components[pm]!.life.state;
  if (pmState === 'hung') {
    return [{ do: 'schedule', delayUs: ctx.topo.scenario.system.rebootCallTimeoutUs, event: { ...e, k: 'reboot-call-timeout' } }];
  }
  if (pmState !== 'running') return rebootCallFailed(`Admin.Reboot failed: the power manager is ${pmState}`, e.culprit, e.cause, e.by);
  if (s.power === 'shutting-down') return []; // already on its way down
  return [{ do: 'begin-shutdown', reason: e.reason, culprit: e.culprit, cause: e.cause }];
};

export const onRebootCallTimeout: TimerReactor<'reboot-call-timeout'> = (s, e) =>
  e.epoch === s.epoch && s.power !== 'shutting-down' ? rebootCallFailed(`Admin.Reboot timed out (${e.reason})`, e.culprit, e.cause, e.by) : [];

export const onBootTimer: TimerReactor<'boot'> = (_s, e) => [{ do: 'boot', cause: e.cause }];

/** F9: a non-zero exit or a kill of a main-process-critical component brings the system down ungracefully. */
export const criticalProcessPanics: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  const spec = ctx.topo.specs[fact.c]!;
  if (fact.route !== 'own' || systemIsStopping(s) || !spec.mainProcessCritical || !isFailure(fact.termination)) return [];
  return [{ do: 'reset', reason: 'critical-process-failure', culprit: spec.name, cause: fact.seq, flushFilesystems: false }];
};

/** Boot completes once every component runs, or was given up on or destroyed. */
function bootComplete(s: StateView): Command[] {
  return s.power === 'booting' && s.settled === s.components.length ? [{ do: 'complete-boot' }] : [];
}

export const completeBootAfterStart: Reactor<FactOf<'started'>> = (s) => bootComplete(s);
export const completeBootAtOnce: Reactor<FactOf<'boot-started'>> = (s) => bootComplete(s);
