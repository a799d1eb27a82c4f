import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { blockingFor, missingFor, waitTargets, willComeBack } from '../readiness.js';
import type { Reactor, StateView, TimerReactor } from '../reactor.js';
import { isAlive } from '../state.js';

/**
 * Lifecycle: starts, stops and their timers; waiting for dependencies (R4).
 * A stale timer (its component has since started or ended again) changes nothing.
 */
export const onStartDone: TimerReactor<'start-done'> = (s, e) =>
  e.generation === s.components[e.c]!.generation && s.components[e.c]!.life.state === 'starting' ? [{ do: 'finish-start', c: e.c }] : [];

export const onStopDone: TimerReactor<'stop-done'> = (s, e) =>
  e.generation === s.components[e.c]!.generation && s.components[e.c]!.life.state === 'stopping'
    ? [{ do: 'terminate', c: e.c, termination: { kind: 'exit', exitCode: 0 }, graceful: true, cause: e.cause }]
    : [];

/** F8/R5: a stop request not honoured in time ends in a kill. */
export const onStopTimeout: TimerReactor<'stop-timeout'> = (s, e) =>
  e.generation === s.components[e.c]!.generation && isAlive(s.components[e.c]!.life.state)
    ? [{ do: 'kill', c: e.c, reason: 'stop timeout', termination: { kind: 'stop-timeout' }, cause: e.cause }]
    : [];

/**
 * A boot asks every component to start, in declaration order; each waits for
 * what it needs, and a child of an OTP supervisor for the sibling before it
 * (supervisor.erl init_children -> start_children: one start at a time).
 */
export const startAll: Reactor<FactOf<'boot-started'>> = (s, fact, ctx) =>
  s.components.map((_, c): Command => {
    const after = ctx.topo.startsAfter[c];
    return { do: 'request-start', c, cause: fact.seq, why: 'boot', ...(after !== undefined ? { waitFor: [ctx.topo.specs[after]!.name] } : {}) };
  });

/**
 * A component that reaches running (or, with a readiness probe, ready) releases those waiting for it: each
 * starts if nothing else is missing, else waits on the next missing one.
 * In declaration order, so simultaneous starts are recorded in a stable order.
 */
export const releaseWaiters: Reactor<FactOf<'started'> | FactOf<'ready'>> = (s, fact, ctx) => {
  const waiters = [...new Set(s.components[fact.c]!.waiters)].sort((a, b) => a - b);
  if (waiters.length === 0) return [];
  const out: Command[] = [{ do: 'clear-waiters', c: fact.c }];
  for (const w of waiters) {
    const life = s.components[w]!.life;
    if (life.state !== 'stopped' || !life.pending) continue;
    const missing = missingFor(s, ctx.topo, w, life.pending.waitFor);
    if (missing.length === 0) {
      out.push({ do: 'release', c: w });
      continue;
    }
    for (const on of waitTargets(ctx.topo, w, missing)) out.push({ do: 'wait-on', c: w, on });
    // R4: what it needs next is left down (failed, destroyed, not to be restarted): it is refused now,
    // naming it, rather than waiting on it without a word. A restart was refused when it was asked for.
    // A quorum still within reach blocks nothing (readiness.ts `blockingFor`).
    const blocking = blockingFor(s, ctx.topo, w, missing);
    if (life.pending.origin !== 'restart' && !blocking.every((m) => willComeBack(s, m))) out.push({ do: 'refuse-start', c: w, cause: fact.seq });
  }
  return out;
};

/** A component taken down from outside waits for what it needs, then starts again (counted as a restart). */
export const awaitResume: Reactor<FactOf<'terminated'>> = (_s, fact) =>
  fact.route === 'dependency' ? [{ do: 'request-start', c: fact.c, cause: fact.seq, why: 'resume', waitFor: fact.waitFor }] : [];

/**
 * R4 at boot ("a service is not started until its dependencies run (the
 * error names the missing ones), at boot as well as on a restart"): a boot
 * start that waits for a component which has just ended, failed to start or
 * been refused itself is recorded as refused, naming what it misses; the
 * refusal travels on to what waits for it in turn (a `start-blocked` fact
 * each, through the queue). A resume (a start waiting for the dependency
 * that took it down) is told when that dependency is refused in turn; its
 * end alone says nothing, since a resume waits for it to come back.
 */
function refuseWaiters(s: StateView, c: number, seq: number, origins: readonly string[]): Command[] {
  const out: Command[] = [];
  for (const w of [...new Set(s.components[c]!.waiters)].sort((a, b) => a - b)) {
    const life = s.components[w]!.life;
    if (life.state === 'stopped' && life.pending !== undefined && origins.includes(life.pending.origin)) out.push({ do: 'refuse-start', c: w, cause: seq });
  }
  return out;
}

export const refuseBootStartsOnEnd: Reactor<FactOf<'terminated'>> = (s, fact) =>
  fact.route === 'shutdown' || fact.route === 'stopping' ? [] : refuseWaiters(s, fact.c, fact.seq, ['boot']);

export const refuseBootStartsOnBlock: Reactor<FactOf<'start-blocked'>> = (s, fact) => refuseWaiters(s, fact.c, fact.seq, ['boot', 'resume']);
