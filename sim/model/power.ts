import { isAlive, unflushedBytes } from './component.js';
import { COMPONENT_MANAGER } from './actors.js';
import type { World } from './world.js';

/**
 * The power manager and the reboot path: Admin.Reboot through the shutdown
 * shim, single-flight (F6, F7); the orderly shutdown in reverse dependency
 * order (F8, R5); resets (panic, reboot-force); and boot. Functions of the
 * World, split out by concept: the World still owns all state.
 */
export function checkBootComplete(w: World): void {
  if (w.power !== 'booting') return;
  if (w.components.every((c) => c.state === 'running' || c.state === 'failed' || c.state === 'destroyed')) {
    w.bootCompleted = true;
    const done = w.emit({ type: 'boot-completed', boot: w.bootCount });
    w.setPower('up', done.seq);
  }
}

/** F6/F7: one reboot task at most; the request reaches the power manager through the shutdown shim. */
export function requestReboot(w: World, culprit: string, reason: string, cause: number, by: string): void {
  const checks = by !== COMPONENT_MANAGER || w.scenario.system.checkShutdownBeforeReboot;
  if (checks && (w.systemIsStopping() || w.rebootInFlight)) {
    w.emit({ type: 'decision', component: culprit, by, action: 'none', reason: 'a reboot is already under way', cause });
    return;
  }
  w.rebootInFlight = true;
  const request = w.emit({ type: 'reboot-requested', component: culprit, by, mode: 'graceful', reason, cause });
  w.engine.schedule(w.scenario.system.shimDelayUs, { k: 'reboot-call', epoch: w.epoch, cause: request.seq, culprit, reason, by });
}

export function onRebootCall(w: World, epoch: number, cause: number, reason: string, culprit: string | undefined, by: string): void {
  if (epoch !== w.epoch) return;
  const pm = w.powerManager;
  if (!pm) return rebootCallFailed(w, 'Admin.Reboot failed: the protocol is missing (no power manager)', culprit, cause, by);
  if (w.rebootCallFailures > 0) {
    w.rebootCallFailures--;
    return rebootCallFailed(w, 'Admin.Reboot returned an error', culprit, cause, by);
  }
  if (pm.state === 'hung') {
    w.engine.schedule(w.scenario.system.rebootCallTimeoutUs, { k: 'reboot-call-timeout', epoch, cause, culprit, reason, by });
    return;
  }
  if (pm.state !== 'running') return rebootCallFailed(w, `Admin.Reboot failed: the power manager is ${pm.state}`, culprit, cause, by);
  if (w.power === 'shutting-down') return; // already on its way down
  beginShutdown(w, reason, culprit, cause);
}

/**
 * F7: the component manager falls back to a panic. A supervisor (F10) is an
 * ordinary component and has no such fallback: the reboot just does not happen.
 */
export function rebootCallFailed(w: World, why: string, culprit: string | undefined, cause: number, by: string): void {
  if (by === COMPONENT_MANAGER) return panic(w, why, culprit, cause);
  w.rebootInFlight = false;
  w.emit({ type: 'decision', component: culprit ?? by, by, action: 'none', reason: `${why}; a supervisor cannot fall back to a panic`, cause });
}

/** A policy's reboot action (systemd FailureAction, Android init, MINIX): straight to the power manager. */
export function rebootByPolicy(w: World, monitor: string, culprit: string, mode: 'graceful' | 'force' | 'immediate', reason: string, cause: number): void {
  if (w.systemIsStopping() || w.rebootInFlight) return;
  if (mode === 'immediate') return panic(w, reason, culprit, cause);
  w.rebootInFlight = true;
  const request = w.emit({ type: 'reboot-requested', component: culprit, by: monitor, mode: mode === 'graceful' ? 'graceful' : 'ungraceful', reason, cause });
  if (mode === 'graceful') beginShutdown(w, reason, culprit, request.seq);
  else reset(w, `${reason} (reboot-force: processes killed, filesystems flushed)`, culprit, request.seq, true);
}

/** F8/R5: an orderly shutdown in reverse dependency order, independent components concurrently. */
export function beginShutdown(w: World, reason: string, culprit: string | undefined, cause: number): void {
  w.setPower('shutting-down', cause);
  const started = w.emit({ type: 'shutdown-started', mode: 'graceful', reason, culprit, cause });
  w.shutdownCause = started.seq;
  for (const c of w.components) {
    c.waitingForDeps = false;
    c.pendingEvents.length = 0;
  }
  advanceShutdown(w);
}

export function advanceShutdown(w: World): void {
  if (w.power !== 'shutting-down') return;
  const alive = w.components.filter((c) => isAlive(c.state));
  // The power manager drives the shutdown, so it is the last to be asked to stop.
  const othersAlive = alive.some((c) => c !== w.powerManager);
  for (const c of alive) {
    if (c === w.powerManager && othersAlive) continue;
    const ordered = w.scenario.system.shutdownOrder === 'dependency';
    // A monitor outlives the components it supervises, as a provider outlives its dependents.
    const dependentsDown = w.dependents[c.index]!.every((d) => !isAlive(w.components[d]!.state)) &&
      !alive.some((child) => child.spec.monitor === c.spec.name);
    if (dependentsDown || !ordered) w.stopComponent(c, 'shutdown', w.shutdownCause);
  }
  if (alive.length === 0) {
    const done = w.emit({ type: 'shutdown-completed', cause: w.shutdownCause });
    w.setPower('rebooting', done.seq);
    w.epoch++;
    w.engine.schedule(w.scenario.system.resetDelayUs, { k: 'boot', cause: done.seq });
  }
}

/** An ungraceful reboot: everything stops at once and whatever was unflushed or in flight is lost. */
export function panic(w: World, reason: string, culprit: string | undefined, cause: number): void {
  reset(w, reason, culprit, cause, false);
}

/**
 * Resets the system at once. With `flushFilesystems` (systemd's
 * reboot-force) processes are killed but their data reaches the disk first.
 */
export function reset(w: World, reason: string, culprit: string | undefined, cause: number, flushFilesystems: boolean): void {
  if (w.power === 'panic') return;
  w.setPower('panic', cause);
  const panic = w.emit({ type: 'panic', reason, culprit, cause });
  w.epoch++;
  for (const c of w.components) {
    if (!isAlive(c.state)) continue;
    const unflushed = flushFilesystems ? unflushedBytes(c, w.nowUs) : 0;
    if (unflushed > 0) {
      w.emit({ type: 'data-flushed', component: c.spec.name, bytes: unflushed, cause: panic.seq });
      c.startedAtUs = w.nowUs; // nothing left unflushed
    }
    w.terminate(c, { kind: 'system-reset' }, panic.seq, false);
  }
  w.engine.schedule(w.scenario.system.resetDelayUs, { k: 'boot', cause: panic.seq });
}

export function boot(w: World, cause: number): void {
  w.epoch++;
  w.bootCount++;
  w.rebootInFlight = false;
  w.bootCompleted = false;
  w.setPower('booting', cause);
  const boot = w.emit({ type: 'boot-started', boot: w.bootCount, cause });
  for (const c of w.components) {
    c.restarts = 0;
    c.history = { startsUs: [], failuresUs: [], restartsUs: [], endsUs: [] };
    c.restartWhenStopped = undefined;
    c.escalation = undefined;
    c.failNextStarts = 0;
    c.ignoresStop = false;
    c.unhandledTermination = undefined;
    c.waitingForDeps = false;
    c.waitFor = [];
    c.resumeAsRestart = false;
    c.policyOverride = undefined;
    c.pendingEvents.length = 0;
    if (c.state === 'failed' || c.state === 'destroyed') w.setState(c, 'stopped', boot.seq);
  }
  for (const c of w.components) w.requestStart(c, boot.seq, 'boot');
  checkBootComplete(w);
}
