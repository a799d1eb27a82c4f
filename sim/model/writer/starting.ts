import { armedHooksOf } from '../../faults/registry.js';
import { freshProbeStatus, type ProbeStatus } from '../../probes/types.js';
import { armedActs } from './armed.js';
import type { Handlers, WriterCore } from './core.js';
import { forgetStarts, remember } from '../history.js';
import { appended, emptyList } from '../shared-empty.js';
import { FAILED_LIFE, STARTING_LIFE, STOPPED_LIFE } from '../state.js';
import type { SimEvent } from '../events.js';

/**
 * Starting: a start that waits, begins, completes or fails; restarts
 * counted and recorded. Whether a start may begin (R4, F4) and whether a
 * restart is due are the start gate's (reactors/start-gate.ts); this file
 * only carries out what it answered.
 */

function beginStart(w: WriterCore, c: number, cause: number): void {
  const spec = w.topo.specs[c]!;
  const component = w.comp(c);
  component.generation++;
  // Cleared only if set: setting it to undefined would add the field to every component that starts (state.ts freshComponent).
  if (component.autoRestart !== undefined) component.autoRestart = undefined;
  remember(component, 'startsUs', w.nowUs, w.histories);
  // Slowed starts armed together do not compound: the slowest one sets the start (a bound, however many are armed).
  let factor: number | undefined;
  // Nothing armed (almost always): the shared empty list stays, no filtered copy is made.
  if (component.armed.length > 0) {
    component.armed = component.armed.filter((armed) => {
      if (!armedActs(w, armed)) return true;
      const at = armedHooksOf(armed.kind)?.atStartBegin?.(armed);
      if (at?.latencyFactor !== undefined) factor = Math.max(factor ?? 0, at.latencyFactor);
      // A fault with a `while:` condition stays armed: it acts whenever the condition holds.
      return !at?.consumed || armed.while !== undefined;
    });
  }
  const latencyUs = Math.round(spec.startLatencyUs * (factor ?? 1));
  w.setLife(c, STARTING_LIFE, cause);
  w.engine.schedule(latencyUs, { k: 'start-done', c, generation: component.generation });
}

function finishStart(w: WriterCore, c: number): void {
  const component = w.comp(c);
  if (component.life.state !== 'starting') return;
  const failing = component.armed.length === 0 ? -1 : component.armed.findIndex((armed) => armedActs(w, armed) && armedHooksOf(armed.kind)?.atStartDone?.(armed).fail);
  if (failing >= 0) {
    const armed = component.armed[failing]!;
    if (armed.while === undefined) component.armed.splice(failing, 1);
    const reason = `the process exited during start${armed.while === undefined ? '' : ` (${armed.while.why})`}`;
    const failed = w.emit({ type: 'start-failed', component: w.name(c), reason });
    w.carryOut({ do: 'terminate', c, termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: failed.seq, startFailed: true });
    return;
  }
  if (component.armed.length > 0) component.armed = component.armed.filter((armed) => armed.while !== undefined || !armedActs(w, armed) || !armedHooksOf(armed.kind)?.atStartDone?.(armed).consumed);
  w.setLife(c, w.lives.running(w.nowUs));
  const probes = w.topo.specs[c]!.probes;
  if (probes) component.probe = freshProbeStatus(probes, component.generation);
  w.facts.push({ f: 'started', c, seq: w.recorder.nextSeq - 1 });
}

/** A start job (systemctl start, OnFailure=): a failed unit leaves failed, then starts as a boot start would. */
function startJob(w: WriterCore, c: number, cause: number | undefined): void {
  const component = w.comp(c);
  if (w.systemIsStopping()) return;
  if (component.life.state === 'failed') w.setLife(c, STOPPED_LIFE, cause);
  if (component.autoRestart !== undefined) component.autoRestart = undefined;
  w.carryOut({ do: 'request-start', c, cause, why: 'start' });
}

/**
 * systemctl reset-failed (unit_reset_failed(), src/core/unit.c: `ratelimit_reset(&u->start_ratelimit)`,
 * and service_reset_failed(): a failed service becomes dead): the start-limit counter is cleared.
 */
function resetFailed(w: WriterCore, c: number, cause: number | undefined): void {
  const component = w.comp(c);
  forgetStarts(component);
  if (component.life.state === 'failed') w.setLife(c, STOPPED_LIFE, cause);
}

/** Kubernetes probes: the kubelet's view of the current process changes; a container that becomes ready releases what waits for it. */
function setProbeStatus(w: WriterCore, c: number, status: ProbeStatus): void {
  const component = w.comp(c);
  if (component.generation !== status.generation || !component.probe) return;
  const wasReady = component.probe.ready;
  component.probe = status;
  if (!wasReady && status.ready && component.life.state === 'running') w.facts.push({ f: 'ready', c, seq: w.recorder.nextSeq - 1 });
}

export const STARTING = {
  'set-pending': (w, cmd) => {
    if (w.comp(cmd.c).life.state === 'stopped') w.comp(cmd.c).life = w.lives.waiting(cmd.pending);
  },
  'wait-on': (w, cmd) => {
    const on = w.comp(cmd.on);
    on.waiters = appended(on.waiters, cmd.c);
  },
  'clear-waiters': (w, cmd) => {
    w.comp(cmd.c).waiters = emptyList();
  },
  'write-start-refused': (w, cmd) => {
    const life = w.comp(cmd.c).life;
    if (life.state !== 'stopped' || !life.pending) return;
    // A new life, not the waiting one changed: that one may be shared (shared-lives.ts).
    w.comp(cmd.c).life = { state: 'stopped', pending: { ...life.pending, refused: true } };
    const missing = cmd.missing.map((m) => w.name(m));
    const refused = w.emit({ type: 'start-refused', component: w.name(cmd.c), missing, ...(cmd.dropsJob ? { dropped: true as const } : {}), cause: w.cause(cmd.cause) });
    w.facts.push({ f: 'start-blocked', c: cmd.c, seq: refused.seq });
    if (cmd.dropsJob) {
      const component = w.comp(cmd.c);
      component.life = STOPPED_LIFE;
      component.startJobDropped = true;
    }
  },
  'write-restart': (w, cmd) => {
    const component = w.comp(cmd.c);
    component.restarts++;
    remember(component, 'restartsUs', w.nowUs);
    w.recorder.write({ t: w.nowUs, seq: w.recorder.takeSeq(), type: 'restart', component: w.name(cmd.c), attempt: component.restarts, cause: w.cause(cmd.cause) });
  },
  'begin-start': (w, cmd) => beginStart(w, cmd.c, w.cause(cmd.cause) ?? 0),
  'fail-start': (w, cmd) => {
    const refused = w.emit({ type: 'start-failed', component: w.name(cmd.c), reason: cmd.reason, cause: w.cause(cmd.cause) });
    w.setLife(cmd.c, FAILED_LIFE, refused.seq);
    w.facts.push({ f: 'start-blocked', c: cmd.c, seq: refused.seq });
  },
  'finish-start': (w, cmd) => finishStart(w, cmd.c),
  'schedule-restart': (w, cmd) => {
    w.comp(cmd.c).restartScheduled = true;
    w.comp(cmd.c).autoRestart = 'due';
    const timer: Extract<SimEvent, { k: 'restart' }> = { k: 'restart', c: cmd.c, epoch: w.state.epoch, cause: w.cause(cmd.cause)! };
    if (cmd.quiet) timer.quiet = true;
    if (cmd.waitFor) timer.waitFor = cmd.waitFor;
    w.engine.schedule(cmd.delayUs, timer);
  },
  'unschedule-restart': (w, cmd) => {
    const component = w.comp(cmd.c);
    if (component.restartScheduled !== undefined) component.restartScheduled = undefined;
  },
  'cancel-auto-restart': (w, cmd) => {
    const component = w.comp(cmd.c);
    if (component.restartScheduled !== undefined) component.restartScheduled = undefined;
    if (cmd.forget) {
      if (component.autoRestart !== undefined) component.autoRestart = undefined;
    } else if (component.autoRestart === 'due') component.autoRestart = 'cancelled';
  },
  start: (w, cmd) => startJob(w, cmd.c, w.cause(cmd.cause)),
  'flush-restarts': (w, cmd) => {
    w.comp(cmd.c).restarts = 0;
  },
  'reset-failed': (w, cmd) => resetFailed(w, cmd.c, w.cause(cmd.cause)),
  'set-stopped': (w, cmd) => {
    if (w.comp(cmd.c).life.state === 'failed') w.setLife(cmd.c, STOPPED_LIFE, w.cause(cmd.cause));
  },
  'set-probe-status': (w, cmd) => setProbeStatus(w, cmd.c, cmd.status),
} satisfies Partial<Handlers>;
