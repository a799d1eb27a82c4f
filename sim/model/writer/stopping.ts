import { armedHooksOf } from '../../faults/registry.js';
import { isFailure } from '../../policy/termination.js';
import type { Termination } from '../../trace/records.js';
import { routeOf } from '../facts.js';
import { downStore } from '../stop-order.js';
import { DESTROYED_LIFE, FAILED_LIFE, isAlive, processOf, STOPPED_LIFE, stopOf, type ComponentState, type Life, type StopReason, type StopRequest } from '../state.js';
import { remember } from '../history.js';
import { emptyList } from '../shared-empty.js';
import { armedActs } from './armed.js';
import { unflushedBytes, type Handlers, type WriterCore } from './core.js';
import { requestsLostAtEnd } from './client-requests.js';

/**
 * Stopping and what an ending loses: a stop request and its timeout, group
 * stops, kills, hangs, destruction, and the one place a process ends
 * (`terminate`), where data and requests are saved or counted lost.
 */

/** What a stop of a component with nothing armed finds: neither ignored nor slowed (shared, frozen: read, never written). */
const NOTHING_ARMED: { ignore: boolean; latencyFactor?: number } = Object.freeze({ ignore: false });
/** A hung process answers no stop: it is killed at the stop's timeout (shared, frozen). */
const HUNG_IGNORES: { ignore: boolean; latencyFactor?: number } = Object.freeze({ ignore: true });

/**
 * What the faults armed on a component do to a stop asked of it: ignored, if
 * any says so (nothing armed is used up: the stop never happens); else slowed
 * by the slowest factor armed (those used up by this stop are dropped).
 */
function armedAtStop(w: WriterCore, component: ComponentState): { ignore: boolean; latencyFactor?: number } {
  // Nothing armed (almost always): the shared empty list stays, no filtered copy is made, and the answer is one shared object.
  if (component.armed.length === 0) return NOTHING_ARMED;
  if (component.armed.some((armed) => armedActs(w, armed) && armedHooksOf(armed.kind)?.atStop?.(armed).ignore)) return { ignore: true };
  let factor: number | undefined;
  component.armed = component.armed.filter((armed) => {
    if (!armedActs(w, armed)) return true;
    const at = armedHooksOf(armed.kind)?.atStop?.(armed);
    if (at?.latencyFactor !== undefined) factor = Math.max(factor ?? 0, at.latencyFactor);
    // A fault with a `while:` condition stays armed: it acts whenever the condition holds.
    return !at?.consumed || armed.while !== undefined;
  });
  return { ignore: false, latencyFactor: factor };
}

/**
 * `as`: how the end is recorded however it comes (a liveness kill is a probe
 * failure, TERM honoured or not); `timeoutOverrideUs`: this stop's timeout
 * (Kubernetes' grace period) instead of the component's; `detected`: the seq
 * of the detection that asked for the stop.
 */
function stop(w: WriterCore, c: number, reason: StopReason, cause: number, waitFor: string[], as?: Termination, timeoutOverrideUs?: number, detected?: number): void {
  const component = w.comp(c);
  const life = component.life;
  if (!isAlive(life.state) || life.state === 'stopping' || stopOf(life) !== undefined) return;
  // Records here are built whole, in emit's key order (core.ts setLife): a stop writes several, and a draft's copy is the dearer way.
  const recorder = w.recorder;
  const request = recorder.write({ t: w.nowUs, seq: recorder.takeSeq(), type: 'stop-requested', component: w.name(c), reason, cause });
  // Its fields set one by one, not spread from conditional objects: one stop request per stop.
  const stop: StopRequest = { reason, cause: request.seq, waitFor };
  if (as) stop.as = as;
  if (detected !== undefined) stop.detected = detected;
  if (life.state === 'starting') return terminate(w, c, { kind: 'signal', signal: 'term' }, true, request.seq, undefined, stop);
  const proc = processOf(life)!;
  if (w.topo.specs[c]!.brutalKill) {
    // OTP `shutdown => brutal_kill` (supervisor.erl shutdown/2): exit(Pid, kill), no shutdown message first.
    const killed = recorder.write({ t: w.nowUs, seq: recorder.takeSeq(), type: 'killed', component: w.name(c), reason: 'brutal_kill', cause: request.seq });
    return terminate(w, c, { kind: 'signal', signal: 'kill' }, false, killed.seq, undefined, stop);
  }
  // F8/R5 (systemd TimeoutStopSec=): the stop timeout bounds every stop, a slow but willing one
  // included. A stop that takes exactly the timeout completes: its stop-done is scheduled first.
  // An infinite one (OTP `shutdown => infinity`) waits for the process however long it takes.
  const timeoutUs = timeoutOverrideUs ?? w.topo.specs[c]!.stopTimeoutUs ?? w.topo.scenario.system.stopTimeoutUs;
  const timeout = { k: 'stop-timeout' as const, c, generation: component.generation, cause: request.seq };
  const armed = life.state === 'hung' ? HUNG_IGNORES : armedAtStop(w, component);
  if (armed.ignore) {
    // A new life, not the process's changed: a running life may be shared (shared-lives.ts). Written
    // field by field in the spread's key order: a spread of a life was the dearest line of a stop.
    component.life = life.state === 'hung'
      ? { state: 'hung', startedAtUs: life.startedAtUs, hungCause: life.hungCause, missedHeartbeats: life.missedHeartbeats, stop }
      : { state: 'running', startedAtUs: proc.startedAtUs, stop };
    if (Number.isFinite(timeoutUs)) w.engine.schedule(timeoutUs, timeout);
    return;
  }
  w.setLife(c, { state: 'stopping', startedAtUs: proc.startedAtUs, stop }, request.seq);
  const latencyUs = Math.round(w.topo.specs[c]!.stopLatencyUs * (armed.latencyFactor ?? 1));
  w.engine.schedule(latencyUs, { k: 'stop-done', c, generation: component.generation, cause: request.seq });
  if (Number.isFinite(timeoutUs)) w.engine.schedule(timeoutUs, timeout);
}

/** R4/R8: a group stopped dependents first (the order is the reactor's; the queue is kept here). */
function stopGroup(w: WriterCore, members: readonly { c: number; waitingFor: number; after?: number }[], reason: StopReason, cause: number, waitFor: string[]): void {
  if (members.length === 0) return;
  const group = w.state.nextStopGroup++;
  for (const { c, waitingFor, after } of members) {
    // A member stopped in turn follows a sibling: advanceStopGroup looks for it among the siblings of the one that ended.
    if (after !== undefined && w.topo.monitorOf[after] !== w.topo.monitorOf[c]) throw new Error(`model: ${w.name(c)} is stopped in turn after ${w.name(after)}, which is not its sibling`);
    const component = w.comp(c);
    component.stopGroup = group;
    component.queuedStop = waitingFor > 0 ? { waitingFor, reason, cause, waitFor, ...(after !== undefined ? { after } : {}) } : undefined;
  }
  for (const { c, waitingFor } of members) if (waitingFor === 0) stop(w, c, reason, cause, waitFor);
}

function stopGroupTick(w: WriterCore, c: number, group: number): void {
  const component = w.comp(c);
  const queued = component.queuedStop;
  if (component.stopGroup !== group || !queued || --queued.waitingFor > 0) return;
  component.queuedStop = undefined;
  stop(w, c, queued.reason, queued.cause, queued.waitFor);
}

/**
 * The one place a process ends. A graceful ending flushes its data and
 * drains its requests; any other loses what was unflushed or in flight.
 */
function terminate(
  w: WriterCore,
  c: number,
  termination: Termination,
  graceful: boolean,
  cause: number | undefined,
  detectedSeq?: number,
  stopOverride?: { reason: StopReason; waitFor: string[]; as?: Termination; detected?: number },
  startFailed = false,
): void {
  const component = w.comp(c);
  const life = component.life;
  if (!isAlive(life.state)) return;
  const name = w.name(c);
  const proc = processOf(life);
  const unflushed = unflushedBytes(w.topo, c, proc, w.nowUs);
  const stop = stopOverride ?? proc?.stop;
  // A stop that says how its end is recorded (a liveness kill: a probe failure, TERM honoured or not).
  if (stop?.as) termination = stop.as;
  if (detectedSeq === undefined && stop && 'detected' in stop) detectedSeq = stop.detected;
  component.generation++;
  // A graceful ending saves what is unflushed, if the storage under it is still there (R8), at a
  // system shutdown too: there the order (F8) keeps every store up unless one was down before.
  const store = graceful && unflushed > 0 ? downStore(w.state, w.topo, c) : undefined;
  // Built whole, in emit's key order, as in `stop`: an end writes up to four records.
  const recorder = w.recorder;
  const nowUs = w.nowUs;
  if (graceful && unflushed > 0 && store === undefined) recorder.write({ t: nowUs, seq: recorder.takeSeq(), type: 'data-flushed', component: name, bytes: unflushed, cause });
  const ended = recorder.write({ t: nowUs, seq: recorder.takeSeq(), type: 'terminated', component: name, termination, graceful, cause });
  component.lastEndSeq = ended.seq;
  if (!graceful && unflushed > 0) recorder.write({ t: nowUs, seq: recorder.takeSeq(), type: 'data-lost', component: name, bytes: unflushed, cause: ended.seq });
  // Saved to a store that has stopped (or hangs): lost, and caused by that store's end (or its hang).
  if (store !== undefined) recorder.write({ t: nowUs, seq: recorder.takeSeq(), type: 'data-lost', component: name, bytes: unflushed, cause: store.cause ?? ended.seq });
  const lost = requestsLostAtEnd(w, c, graceful, termination.kind === 'system-reset');
  if (lost > 0) recorder.write({ t: nowUs, seq: recorder.takeSeq(), type: 'requests-lost', component: name, count: lost, cause: ended.seq });
  w.setLife(c, stop?.reason === 'destroy' ? DESTROYED_LIFE : STOPPED_LIFE, ended.seq);
  const route = routeOf(w.state.power, stop?.reason);
  if (route === 'own') {
    if (isFailure(termination)) remember(component, 'failuresUs', w.nowUs);
    remember(component, 'endsUs', w.nowUs);
  }
  const ranForUs = proc ? w.nowUs - proc.startedAtUs : 0;
  w.facts.push({ f: 'terminated', c, termination, route, stopReason: stop?.reason, waitFor: stop?.waitFor ?? emptyList<string>(), ranForUs, startFailed, seq: ended.seq, detectedSeq });
}

function finishEscalation(w: WriterCore, m: number): void {
  const monitor = w.comp(m);
  if (monitor.escalation === undefined) return;
  if (w.topo.childrenOf[m]!.some((child) => isAlive(w.comp(child).life.state))) return;
  const cause = monitor.escalation;
  monitor.escalation = undefined;
  // supervisor.erl restart/2: add_restart/1 says terminate -> {shutdown, State} -> the gen_server
  // stops with reason `shutdown`, which a transient parent spec does not restart (do_restart/3).
  // recsim writes that exit reason as a clean SIGTERM-like end (restart-conditions.ts: transient).
  terminate(w, m, { kind: 'signal', signal: 'term' }, false, cause);
}

export const STOPPING = {
  stop: (w, cmd) => stop(w, cmd.c, cmd.reason, w.cause(cmd.cause)!, cmd.waitFor ?? [], cmd.as, cmd.timeoutUs, w.cause(cmd.detected)),
  'stop-group': (w, cmd) => stopGroup(w, cmd.members, cmd.reason, w.cause(cmd.cause)!, cmd.waitFor ?? []),
  'stop-group-tick': (w, cmd) => stopGroupTick(w, cmd.c, cmd.group),
  'leave-stop-group': (w, cmd) => {
    const component = w.comp(cmd.c);
    component.stopGroup = undefined;
    component.queuedStop = undefined;
  },
  terminate: (w, cmd) => terminate(w, cmd.c, cmd.termination, cmd.graceful, w.cause(cmd.cause), w.cause(cmd.detected), cmd.stop, cmd.startFailed),
  kill: (w, cmd) => {
    if (!isAlive(w.comp(cmd.c).life.state)) return;
    const killed = w.recorder.write({ t: w.nowUs, seq: w.recorder.takeSeq(), type: 'killed', component: w.name(cmd.c), reason: cmd.reason, cause: w.cause(cmd.cause) });
    terminate(w, cmd.c, cmd.termination, false, killed.seq, w.cause(cmd.detected), cmd.stop);
  },
  hang: (w, cmd) => {
    const life = w.comp(cmd.c).life;
    if (life.state !== 'running') return;
    // Field by field in the spread's key order (a stop it ignores is kept), not spread: one hang, one object.
    const hung: Life = life.stop === undefined
      ? { state: 'hung', startedAtUs: life.startedAtUs, hungCause: cmd.cause, missedHeartbeats: 0 }
      : { state: 'hung', startedAtUs: life.startedAtUs, stop: life.stop, hungCause: cmd.cause, missedHeartbeats: 0 };
    w.setLife(cmd.c, hung, cmd.cause);
    w.facts.push({ f: 'hung', c: cmd.c, seq: cmd.cause });
  },
  'heartbeat-missed': (w, cmd) => {
    const life = w.comp(cmd.c).life;
    if (life.state === 'hung') life.missedHeartbeats++;
  },
  destroy: (w, cmd) => {
    const life = w.comp(cmd.c).life;
    if (isAlive(life.state)) return stop(w, cmd.c, 'destroy', cmd.cause, []);
    if (life.state === 'destroyed') return;
    // R4: a start waiting for it at boot is refused, naming it (as when it ends while alive).
    w.facts.push({ f: 'start-blocked', c: cmd.c, seq: w.setLife(cmd.c, DESTROYED_LIFE, cmd.cause)! });
  },
  'finish-escalation': (w, cmd) => finishEscalation(w, cmd.c),
  'set-failed': (w, cmd) => {
    if (!isAlive(w.comp(cmd.c).life.state)) w.setLife(cmd.c, FAILED_LIFE, w.cause(cmd.cause));
  },
  'set-destroyed': (w, cmd) => {
    if (!isAlive(w.comp(cmd.c).life.state)) w.setLife(cmd.c, DESTROYED_LIFE, w.cause(cmd.cause));
  },
} satisfies Partial<Handlers>;
