import { freshComponent, isAlive, isFresh, processOf, STOPPED_LIFE, type Life } from '../state.js';
import { emptyList } from '../shared-empty.js';
import { unflushedBytes, type Handlers, type WriterCore } from './core.js';

/**
 * Reboot, shutdown, panic and boot: the power side of the model. Whether a
 * reboot may be asked for (F6: one in flight at most) is the reboot gate's
 * (reactors/reboot-gate.ts); what the shim does with a request is the power
 * reactor's.
 */

/** F8/R5: an orderly shutdown; what is ready first is what nothing else must outlive. */
function beginShutdown(w: WriterCore, reason: string, culprit: string | undefined, cause: number): void {
  if (w.systemIsStopping()) return;
  w.setPower('shutting-down', cause);
  const started = w.emit({ type: 'shutdown-started', mode: 'graceful', reason, culprit, cause });
  for (const component of w.state.components) {
    if (component.life.state === 'stopped') component.life = STOPPED_LIFE;
    component.pendingEvents = emptyList();
    component.waiters = emptyList();
    // Cleared only if set: setting them to undefined would add both fields to every component.
    if (component.stopGroup !== undefined) component.stopGroup = undefined;
    if (component.queuedStop !== undefined) component.queuedStop = undefined;
  }
  const n = w.state.components.length;
  w.state.shutdown = { cause: started.seq, waitingFor: [...w.topo.shutdown.mustStopFirst], finished: new Array<boolean>(n).fill(false), finishedCount: 0 };
  w.facts.push({ f: 'shutdown-started', seq: started.seq });
}

/**
 * A component's turn in the shutdown: asked to stop if it is alive, else
 * finished, which may make others ready in turn (a worklist, not recursion,
 * so a long chain of stopped components is walked in constant stack).
 */
function shutdownReady(w: WriterCore, first: number): void {
  const shutdown = w.state.shutdown;
  if (!shutdown || w.state.power !== 'shutting-down') return;
  const work = [first];
  while (work.length > 0) {
    const c = work.shift()!;
    if (shutdown.finished[c] || shutdown.waitingFor[c]! > 0) continue;
    if (isAlive(w.comp(c).life.state)) {
      w.carryOut({ do: 'stop', c, reason: 'shutdown', cause: shutdown.cause, waitFor: [] });
      continue;
    }
    shutdown.finished[c] = true;
    shutdown.finishedCount++;
    for (const next of w.topo.shutdown.stopsBefore[c]!) if (--shutdown.waitingFor[next]! === 0) work.push(next);
  }
  if (shutdown.finishedCount === w.state.components.length) {
    const done = w.emit({ type: 'shutdown-completed', cause: shutdown.cause });
    w.state.shutdown = undefined;
    w.setPower('rebooting', done.seq);
    w.state.epoch++;
    w.engine.schedule(w.topo.scenario.system.resetDelayUs, { k: 'boot', cause: done.seq });
  }
}

/**
 * Resets the system at once: everything alive ends and whatever was
 * unflushed or in flight is lost. With `flushFilesystems` (systemd's
 * reboot-force) processes are killed but their data reaches the disk first.
 * With a `target` the device resets into that reboot target (Android's
 * fatal reboot target: LINUX_REBOOT_CMD_RESTART2 with "bootloader") and
 * stays there, `halted`: no boot follows.
 */
function reset(w: WriterCore, reason: string, culprit: string | undefined, cause: number, flushFilesystems: boolean, target?: string): void {
  if (w.state.power === 'panic' || w.state.power === 'halted') return;
  w.setPower('panic', cause);
  const panic = w.emit({ type: 'panic', reason, culprit, cause, ...(target !== undefined ? { target } : {}) });
  w.state.epoch++;
  w.state.shutdown = undefined;
  w.state.components.forEach((component, c) => {
    const proc = processOf(component.life);
    if (!isAlive(component.life.state)) return;
    const unflushed = flushFilesystems ? unflushedBytes(w.topo, c, proc, w.nowUs) : 0;
    if (unflushed > 0 && proc) {
      w.emit({ type: 'data-flushed', component: w.name(c), bytes: unflushed, cause: panic.seq });
      // Nothing left unflushed; a new life, not the process's changed: a running life may be shared (shared-lives.ts).
      component.life = { ...component.life, startedAtUs: w.nowUs } as Life;
    }
    w.carryOut({ do: 'terminate', c, termination: { kind: 'system-reset' }, graceful: false, cause: panic.seq });
  });
  if (target !== undefined) w.setPower('halted', panic.seq);
  else w.engine.schedule(w.topo.scenario.system.resetDelayUs, { k: 'boot', cause: panic.seq });
}

/** A new boot: every component starts clean (history, armed faults, overrides); nothing carries over. */
function boot(w: WriterCore, cause: number): void {
  const s = w.state;
  s.epoch++;
  s.bootCount++;
  s.rebootInFlight = false;
  s.bootCompleted = false;
  s.shutdown = undefined;
  w.setPower('booting', cause);
  const started = w.emit({ type: 'boot-started', boot: s.bootCount, cause });
  s.components.forEach((component, c) => {
    if (component.life.state === 'failed' || component.life.state === 'destroyed') w.setLife(c, STOPPED_LIFE, started.seq);
    if (!isFresh(w.comp(c))) s.components[c] = freshComponent(w.comp(c).generation);
  });
  w.facts.push({ f: 'boot-started', seq: started.seq });
}

export const REBOOT = {
  'set-power': (w, cmd) => w.setPower(cmd.to, w.cause(cmd.cause)),
  'complete-boot': (w) => {
    if (w.state.power !== 'booting') return;
    w.state.bootCompleted = true;
    const done = w.emit({ type: 'boot-completed', boot: w.state.bootCount });
    w.setPower('up', done.seq);
  },
  /** F6: the one reboot in flight is taken; the request is written and, if asked, handed to the shim. */
  'write-reboot-request': (w, cmd) => {
    w.state.rebootInFlight = true;
    const { culprit, by, mode, reason } = cmd;
    const request = w.emit({ type: 'reboot-requested', ...(culprit !== undefined ? { component: culprit } : {}), by, mode, reason, cause: w.cause(cmd.cause) });
    if (cmd.toShim && culprit !== undefined) w.facts.push({ f: 'reboot-requested', seq: request.seq, culprit, reason, by });
  },
  'write-reboot-under-way': (w, cmd) => {
    w.emit({ type: 'decision', component: cmd.culprit, by: cmd.by, action: 'none', reason: 'a reboot is already under way', cause: w.cause(cmd.cause) });
  },
  'clear-reboot-in-flight': (w) => {
    w.state.rebootInFlight = false;
  },
  'begin-shutdown': (w, cmd) => beginShutdown(w, cmd.reason, cmd.culprit, w.cause(cmd.cause)!),
  'shutdown-ready': (w, cmd) => shutdownReady(w, cmd.c),
  reset: (w, cmd) => reset(w, cmd.reason, cmd.culprit, w.cause(cmd.cause)!, cmd.flushFilesystems, cmd.target),
  boot: (w, cmd) => boot(w, w.cause(cmd.cause)!),
} satisfies Partial<Handlers>;

