import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { blockingFor, missingFor, requisiteMissing, waitTargets, willComeBack } from '../readiness.js';
import { NO_COMMANDS, type Reactor, type StateView, type TimerReactor } from '../reactor.js';
import { failsWithStartOf, startJobFailed } from '../start-failure.js';
import { isAlive } from '../state.js';
import type { Topology } from '../topology.js';

/**
 * Lifecycle: starts, stops and their timers; waiting for dependencies (R4).
 * A stale timer (its component has since started or ended again) changes nothing.
 */
export const onStartDone: TimerReactor<'start-done'> = (s, e) =>
  e.generation === s.components[e.c]!.generation && s.components[e.c]!.life.state === 'starting' ? [{ do: 'finish-start', c: e.c }] : NO_COMMANDS;

export const onStopDone: TimerReactor<'stop-done'> = (s, e) =>
  e.generation === s.components[e.c]!.generation && s.components[e.c]!.life.state === 'stopping'
    ? [{ do: 'terminate', c: e.c, termination: { kind: 'exit', exitCode: 0 }, graceful: true, cause: e.cause }]
    : NO_COMMANDS;

/** F8/R5: a stop request not honoured in time ends in a kill. */
export const onStopTimeout: TimerReactor<'stop-timeout'> = (s, e) =>
  e.generation === s.components[e.c]!.generation && isAlive(s.components[e.c]!.life.state)
    ? [{ do: 'kill', c: e.c, reason: 'stop timeout', termination: { kind: 'stop-timeout' }, cause: e.cause }]
    : NO_COMMANDS;

/**
/**
 * A boot asks every component started at boot to start, in declaration order;
 * each waits for what it needs, and a child of an OTP supervisor for the
 * sibling before it (supervisor.erl init_children -> start_children: one start
 * at a time). `start: on-demand` ones not pulled in stay down (topology `atBoot`).
 */
export const startAll: Reactor<FactOf<'boot-started'>> = (s, fact, ctx) => {
  const { atBoot, startsAfter, specs } = ctx.topo;
  const out: Command[] = [];
  for (let c = 0; c < s.components.length; c++) {
    if (!atBoot[c]) continue;
    const after = startsAfter[c];
    out.push(after === undefined ? { do: 'request-start', c, cause: fact.seq, why: 'boot' } : { do: 'request-start', c, cause: fact.seq, why: 'boot', waitFor: [specs[after]!.name] });
  }
  return out;
};

/**
 * The components waiting on one, each once, in declaration order: the list
 * itself when it already is (waits are mostly registered in that order, so
 * no set and no sorted copy are made per start).
 */
function waitersOf(s: StateView, c: number): readonly number[] {
  const waiters = s.components[c]!.waiters;
  for (let i = 1; i < waiters.length; i++) if (waiters[i - 1]! >= waiters[i]!) return [...new Set(waiters)].sort((a, b) => a - b);
  return waiters;
}

/**
 * systemd After= and Requisite= (sim/scenario/edges.ts): a start ordered after
 * `c` waited for c's start job; that job is over (c ended, failed to start or
 * was refused), so the waiting start runs if nothing else is missing (an
 * ordering is not a need), or is refused if c was a Requisite= now neither
 * active nor being started. A start that Requires= or BindsTo= c fails with
 * c's failed start job (start-failure.ts: "Dependency failed for ..."), and
 * its refusal travels on to what waits for it (a start-blocked fact). Waits
 * on plain `depends` are untouched: c is still missing for them.
 */
export const reevaluateWaiters: Reactor<FactOf<'terminated'> | FactOf<'start-blocked'>> = (s, fact, ctx) => {
  if (!ctx.topo.hasOrderingOrRequisite) return NO_COMMANDS;
  const out: Command[] = [];
  // Asked only when someone waits (almost never on a termination).
  let failed: boolean | undefined;
  for (const w of waitersOf(s, fact.c)) {
    const life = s.components[w]!.life;
    if (life.state !== 'stopped' || !life.pending || life.pending.refused) continue;
    if (failsWithStartOf(ctx.topo, w, fact.c) && (failed ??= startJobFailed(s, fact))) {
      out.push({ do: 'refuse-start', c: w, cause: fact.seq, failed: fact.c });
      continue;
    }
    const missing = missingFor(s, ctx.topo, w, life.pending.waitFor);
    if (missing.length === 0) out.push({ do: 'release', c: w });
    else if (requisiteMissing(s, ctx.topo, w).length > 0) out.push({ do: 'refuse-start', c: w, cause: fact.seq });
    else for (const on of waitTargets(ctx.topo, w, missing)) if (on !== fact.c) out.push({ do: 'wait-on', c: w, on });
  }
  return out;
};

/**
 * A component that reaches running (or, with a readiness probe, ready) releases those waiting for it: each
 * starts if nothing else is missing, else waits on the next missing one.
 * In declaration order, so simultaneous starts are recorded in a stable order.
 */
export const releaseWaiters: Reactor<FactOf<'started'> | FactOf<'ready'>> = (s, fact, ctx) => {
  const waiters = waitersOf(s, fact.c);
  if (waiters.length === 0) return NO_COMMANDS;
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
  fact.route === 'dependency' ? [{ do: 'request-start', c: fact.c, cause: fact.seq, why: 'resume', waitFor: fact.waitFor }] : NO_COMMANDS;

/**
 * R4 at boot ("a service is not started until its dependencies run (the
 * error names the missing ones), at boot as well as on a restart"): a boot
 * start that waits for a component which has just ended, failed to start or
 * been refused itself is recorded as refused, naming what it misses; the
 * refusal travels on to what waits for it in turn (a `start-blocked` fact
 * each, through the queue). A resume (a start waiting for the dependency
 * that took it down) is told when that dependency is refused in turn, or
 * ends for good (its monitor gave up on it, or does not restart it: nothing
 * will bring it back); an end it comes back from says nothing, since a
 * resume waits for it to come back.
 */
/** The origins of the starts each refusal reaches (shared lists: a termination made one anew). */
const BOOT: readonly string[] = Object.freeze(['boot']);
const BOOT_OR_RESUME: readonly string[] = Object.freeze(['boot', 'resume']);

function refuseWaiters(s: StateView, topo: Topology, fact: FactOf<'terminated'> | FactOf<'start-blocked'>, origins: readonly string[]): readonly Command[] {
  const { c, seq } = fact;
  // Nobody waits for it (almost always): no list made.
  if (s.components[c]!.waiters.length === 0) return NO_COMMANDS;
  const out: Command[] = [];
  let failed: boolean | undefined;
  for (const w of waitersOf(s, c)) {
    const life = s.components[w]!.life;
    if (life.state !== 'stopped' || life.pending === undefined || !origins.includes(life.pending.origin)) continue;
    // Requires=/BindsTo= and After= on a start job that failed: refused naming it, the start dropped (start-failure.ts),
    // not kept waiting for a unit that, at boot, still looks as if its start were to come.
    if (failsWithStartOf(topo, w, c) && (failed ??= startJobFailed(s, fact))) out.push({ do: 'refuse-start', c: w, cause: seq, failed: c });
    else out.push({ do: 'refuse-start', c: w, cause: seq });
  }
  return out;
}

/**
 * Ended for good: nothing will bring it back (seen after its monitor has decided, reactions.ts), and no
 * refusal of its own start tells its waiters so (that refusal's start-blocked does: refuseBootStartsOnBlock).
 */
function endedForGood(s: StateView, c: number): boolean {
  const life = s.components[c]!.life;
  return !willComeBack(s, c) && !(life.state === 'stopped' && life.pending?.refused);
}

export const refuseBootStartsOnEnd: Reactor<FactOf<'terminated'>> = (s, fact, ctx) =>
  fact.route === 'shutdown' || fact.route === 'stopping' ? NO_COMMANDS : refuseWaiters(s, ctx.topo, fact, endedForGood(s, fact.c) ? BOOT_OR_RESUME : BOOT);

export const refuseBootStartsOnBlock: Reactor<FactOf<'start-blocked'>> = (s, fact, ctx) => refuseWaiters(s, ctx.topo, fact, BOOT_OR_RESUME);

/**
 * systemd job_fail_dependencies() (start-failure.ts): a start job that fails
 * fails every start job of the units that Requires= or BindsTo= it and are
 * ordered after it, not only those registered as waiting for it: a start
 * waiting on several units registers on the first one missing, and would
 * otherwise run once that one is up. After the reactors that answer c's
 * waiters, so their refusals stand as they were; a start they refused is
 * gone, and is not refused twice.
 */
export const failStartsOrderedAfter: Reactor<FactOf<'terminated'> | FactOf<'start-blocked'>> = (s, fact, ctx) => {
  const dependents = ctx.topo.startsFailingWith[fact.c]!;
  if (dependents.length === 0 || !startJobFailed(s, fact)) return NO_COMMANDS;
  const out: Command[] = [];
  for (const w of dependents) {
    const life = s.components[w]!.life;
    if (life.state === 'stopped' && life.pending !== undefined) out.push({ do: 'refuse-start', c: w, cause: fact.seq, failed: fact.c });
  }
  return out;
};
