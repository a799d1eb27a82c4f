import { decideRecovery } from '../policy/decide.js';
import type { Effect, RecoveryDecision, RecoveryPolicy } from '../policy/types.js';
import type { Termination } from '../trace/records.js';
import { type ComponentRuntime, isAlive } from './component.js';
import { rebootByPolicy } from './power.js';
import { ROOT_MONITOR } from './actors.js';
import type { World } from './world.js';

/**
 * Monitors: who supervises a component, how a termination is detected and
 * decided (`decideRecovery`, pure), and how the decision's effects are
 * carried out, OTP escalation and group restarts included. Functions of the
 * World, split out by concept.
 */
export function monitorName(w: World, c: ComponentRuntime): string {
  return c.spec.monitor ?? ROOT_MONITOR;
}

export function monitorIsUp(w: World, c: ComponentRuntime): boolean {
  return c.spec.monitor === undefined || w.byName.get(c.spec.monitor)!.state === 'running';
}

/** The restart policy in force: the scenario's, unless overridden at run time (R2). */
export function policyOf(w: World, c: ComponentRuntime): RecoveryPolicy {
  return c.policyOverride ?? c.spec.policy;
}

export function handleByMonitor(w: World, c: ComponentRuntime, termination: Termination, endedSeq: number, detectedSeq?: number): void {
  if (!monitorIsUp(w, c)) {
    c.unhandledTermination = { seq: endedSeq, termination };
    return;
  }
  const by = monitorName(w, c);
  const detected = detectedSeq ?? w.emit({ type: 'detected', component: c.spec.name, by, how: 'exit', cause: endedSeq }).seq;
  const lastStartUs = c.history.startsUs.at(-1);
  const stormGuardUs = c.spec.monitor === undefined ? undefined : w.byName.get(c.spec.monitor)!.spec.stormGuardUs;
  if (stormGuardUs !== undefined && c.restarts > 0 && lastStartUs !== undefined && w.nowUs - lastStartUs < stormGuardUs) {
    // R6: failing again within a few seconds of its last start marks the service unresponsive.
    const giveUp = w.emit({ type: 'decision', component: c.spec.name, by, action: 'give-up', reason: `unresponsive: failed again ${((w.nowUs - lastStartUs) / 1e6).toFixed(3)}s after its restart (storm guard ${stormGuardUs / 1e6}s)`, cause: detected });
    w.setState(c, 'failed', giveUp.seq);
    return;
  }
  const decision = decideRecovery(policyOf(w, c), {
    component: c.spec.name,
    nowUs: w.nowUs,
    termination,
    history: { ...c.history, restarts: c.restarts },
    ranForUs: lastStartUs !== undefined && c.startedAtUs >= lastStartUs ? w.nowUs - c.startedAtUs : 0,
    bootCompleted: w.bootCompleted,
    monitor: by,
    siblings: w.components.filter((s) => monitorName(w, s) === by).map((s) => ({ name: s.spec.name, state: s.state })),
    components: w.components.map((s) => ({ name: s.spec.name, state: s.state, monitor: monitorName(w, s), depends: s.spec.depends, policy: policyOf(w, s), history: s.history })),
    random: w.streams.stream(`policy:${c.spec.name}`),
  });
  const record = w.emit({
    type: 'decision',
    component: c.spec.name,
    by,
    action: decision.action,
    ...(decision.delayUs !== undefined ? { delayUs: decision.delayUs } : {}),
    reason: decision.reason,
    cause: detected,
  });
  applyEffects(w, by, c.spec.name, decision, record.seq);
}

/** Carries out what a recovery decision asks, in the order given. */
export function applyEffects(w: World, monitor: string, culprit: string, decision: RecoveryDecision, cause: number): void {
  for (const effect of decision.effects) applyEffect(w, monitor, culprit, effect, cause);
}

export function applyEffect(w: World, monitor: string, culprit: string, effect: Effect, cause: number): void {
  switch (effect.kind) {
    case 'restart': {
      const c = w.byName.get(effect.component)!;
      w.engine.schedule(effect.delayUs, { k: 'restart', c: c.index, epoch: w.epoch, cause });
      return;
    }
    case 'stop': {
      const c = w.byName.get(effect.component)!;
      if (isAlive(c.state)) w.stopComponent(c, 'policy', cause);
      return;
    }
    case 'give-up': {
      const c = w.byName.get(effect.component)!;
      if (!isAlive(c.state)) w.setState(c, 'failed', cause);
      return;
    }
    case 'reboot':
      return rebootByPolicy(w, monitor, culprit, effect.mode, effect.reason, cause);
    case 'escalate':
      return escalate(w, monitor, culprit, effect.reason, cause);
  }
}

/** OTP escalation: the monitor stops its children (reverse start order), then ends itself; its own monitor decides. */
export function escalate(w: World, monitorName: string, culprit: string, reason: string, cause: number): void {
  const monitor = w.byName.get(monitorName);
  if (!monitor) return rebootByPolicy(w, monitorName, culprit, 'graceful', `escalated to init: ${reason}`, cause);
  monitor.escalation = cause;
  const children = w.components.filter((c) => c.spec.monitor === monitorName && isAlive(c.state)).reverse();
  for (const child of children) w.stopComponent(child, 'policy', cause);
  finishEscalation(w, monitor);
}

export function finishEscalation(w: World, monitor: ComponentRuntime): void {
  if (monitor.escalation === undefined) return;
  if (w.components.some((c) => c.spec.monitor === monitor.spec.name && isAlive(c.state))) return;
  const cause = monitor.escalation;
  monitor.escalation = undefined;
  w.terminate(monitor, { kind: 'exit', exitCode: 1 }, cause, false);
}

/** A component stopped by a policy (group strategy, escalation) has not failed: restart it if asked, and let an escalating monitor finish. */
export function afterPolicyStop(w: World, c: ComponentRuntime): void {
  const batch = c.restartWhenStopped;
  if (batch !== undefined) {
    // As OTP does: once every child stopped by the same decision is down, restart them in start order.
    const group = w.components.filter((x) => x.restartWhenStopped === batch);
    if (group.every((x) => !isAlive(x.state))) {
      for (const x of group) {
        x.restartWhenStopped = undefined;
        w.engine.schedule(0, { k: 'restart', c: x.index, epoch: w.epoch, cause: batch });
      }
    }
  }
  if (c.spec.monitor !== undefined) finishEscalation(w, w.byName.get(c.spec.monitor)!);
}

/** A monitor that comes back handles what ended while it was away. */
export function handleMissedTerminations(w: World, monitor: ComponentRuntime): void {
  for (const c of w.components) {
    const missed = c.unhandledTermination;
    if (c.spec.monitor !== monitor.spec.name || !missed || c.state !== 'stopped') continue;
    c.unhandledTermination = undefined;
    handleByMonitor(w, c, missed.termination, missed.seq);
  }
}
