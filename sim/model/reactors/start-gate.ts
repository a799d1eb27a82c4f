import { isAllowlisted } from '../../scenario/realm.js';
import { ref, type Cause, type Command } from '../commands.js';
import type { ReactorContext, RequestReactor } from '../reactor.js';
import type { DeepReadonly } from '../readonly.js';
import { blockingFor, isOnItsWay, missingFor, requisiteMissing, waitTargets, willComeBack } from '../readiness.js';
import { isAlive, isJobStop, stopOf, systemIsStopping, type PendingStart } from '../state.js';
import { emptyList } from '../shared-empty.js';

/**
 * The start gate: whether a start may begin, waits, or is refused (R4, F4),
 * and whether a restart is due (one termination, one restart). These
 * requests are answered when the writer reaches them, not when they are
 * asked, because the answer depends on what the commands before them in the
 * same batch did: in a group restart, a dependent's start is not refused
 * when its provider's start, one command earlier, has put the provider on
 * its way.
 */

/** R4: a component starts only once what it needs runs; otherwise it waits, registered on the first missing one. */
export const answerStartRequest: RequestReactor<'request-start'> = (s, cmd, ctx) => {
  const { c, why, cause } = cmd;
  const life = s.components[c]!.life;
  if (life.state !== 'stopped' || systemIsStopping(s)) return [];
  const pending = {
    cause: (cause as number | undefined) ?? 0,
    origin: life.pending?.origin ?? why,
    asRestart: why === 'resume' || (life.pending?.asRestart ?? false),
    waitFor: cmd.waitFor ?? life.pending?.waitFor ?? emptyList<string>(),
  } as PendingStart;
  const missing = missingFor(s, ctx.topo, c, pending.waitFor);
  // Nothing missing (most starts): it begins at once, as a release of this pending start would
  // begin it one command later; without the waiting life, its shared copy and the release between.
  if (missing.length === 0) return beginOrFail(ctx, c, pending);
  // R4: a restart is refused, naming what is missing, when something it needs is down with
  // nothing bringing it up yet; it waits without a word for what is already on its way
  // (starting, or itself waiting to start: a group restarting at the same instant). A resume
  // (taken down by a dependency, waiting for it) is its dependency's recovery, not its own:
  // refused only when what it needs is left down, with not even a restart scheduled. Boot
  // starts are refused when what they wait for ends or is refused (lifecycle.ts refuseBootStarts*).
  // A quorum still within reach blocks nothing (readiness.ts `blockingFor`).
  const refused = (why === 'restart' || why === 'start' ? !blockingFor(s, ctx.topo, c, missing).every((m) => isOnItsWay(s, m)) : why === 'resume' && !blockingFor(s, ctx.topo, c, missing).every((m) => willComeBack(s, m)))
    // systemd Requisite= (JOB_VERIFY_ACTIVE): not active and not being started fails the start at once, at boot too.
    || requisiteMissing(s, ctx.topo, c).length > 0;
  const out: Command[] = [{ do: 'set-pending', c, pending }];
  for (const m of waitTargets(ctx.topo, c, missing)) out.push({ do: 'wait-on', c, on: m });
  if (refused) out.push({ do: 'refuse-start', c, cause });
  return out;
};

/** R4: a waiting start is refused, naming what it still misses (if anything is left that blocks it). */
export const answerRefusal: RequestReactor<'refuse-start'> = (s, cmd, ctx) => {
  const life = s.components[cmd.c]!.life;
  // Nothing is started while the system goes down (or sits in a reboot target): nothing to refuse.
  if (life.state !== 'stopped' || !life.pending || systemIsStopping(s)) return [];
  // systemd job_fail_dependencies(): the start job fails with JOB_DEPENDENCY and is gone, naming the unit whose start failed.
  if (cmd.failed !== undefined) return [{ do: 'write-start-refused', c: cmd.c, missing: [cmd.failed], cause: cmd.cause, dropsJob: true }];
  const missing = blockingFor(s, ctx.topo, cmd.c, missingFor(s, ctx.topo, cmd.c, life.pending.waitFor));
  if (missing.length === 0) return [];
  // systemd Requisite=: the start job fails (JOB_DEPENDENCY) and is gone; nothing starts the unit later on its own.
  const dropsJob = requisiteMissing(s, ctx.topo, cmd.c).length > 0;
  return [{ do: 'write-start-refused', c: cmd.c, missing, cause: cmd.cause, ...(dropsJob ? { dropsJob } : {}) }];
};

/**
 * A waiting start whose wait is over begins (counted as a restart if it was
 * taken down from outside). F4: a component with `on_terminate: reboot`
 * outside the allowlist fails to start; the allowlist is checked when the
 * component starts.
 */
export const answerRelease: RequestReactor<'release'> = (s, cmd, ctx) => {
  const { c } = cmd;
  const life = s.components[c]!.life;
  if (life.state !== 'stopped' || !life.pending || systemIsStopping(s)) return [];
  return beginOrFail(ctx, c, life.pending);
};

/** A start that may begin: it begins, or fails at once (F4); taken down from outside, it counts as a restart first. */
function beginOrFail(ctx: ReactorContext, c: number, pending: DeepReadonly<PendingStart>): Command[] {
  const out: Command[] = [];
  let cause: Cause = pending.cause;
  if (pending.asRestart) {
    out.push({ do: 'write-restart', c, cause });
    cause = ref(0);
  }
  const spec = ctx.topo.specs[c]!;
  const rot = ctx.topo.scenario.system.rebootOnTerminate;
  if (spec.onTerminate === 'reboot' && rot.enabled && !isAllowlisted(spec.name, rot.allowlist)) {
    out.push({ do: 'fail-start', c, reason: `policy: "${spec.name}" is not in the reboot_on_terminate allowlist`, cause });
  } else {
    out.push({ do: 'begin-start', c, cause });
  }
  return out;
}

/** A restart timer fired: counted, recorded, then started as its dependencies allow. */
export const answerRestart: RequestReactor<'restart'> = (s, cmd) => {
  const { c, cause } = cmd;
  const component = s.components[c]!;
  if (isAlive(component.life.state) && isJobStop(stopOf(component.life)?.reason)) {
    // Still stopping for a group decision: restarted with its group once all of it is down.
    return [{ do: 'unschedule-restart', c }, { do: 'mark-restart-batch', c, batch: cause as number | undefined }];
  }
  // One termination, one restart: a component already waiting to start (taken down by a
  // dependency or a strategy, or refused once) is on its way; a second monitor's restart adds nothing.
  if (component.life.state !== 'stopped' || isOnItsWay(s, c)) return [{ do: 'unschedule-restart', c }];
  return [{ do: 'cancel-auto-restart', c, forget: true }, { do: 'write-restart', c, cause }, { do: 'request-start', c, cause: ref(1), why: 'restart', ...(cmd.waitFor ? { waitFor: cmd.waitFor } : {}) }];
};

/** systemd's restart counter counts the restart job even when its start is then refused (the start limit). */
export const answerCountRestart: RequestReactor<'count-restart'> = (s, cmd) => {
  const life = s.components[cmd.c]!.life;
  if (life.state !== 'stopped' || isOnItsWay(s, cmd.c)) return [];
  return [{ do: 'cancel-auto-restart', c: cmd.c, forget: true }, { do: 'write-restart', c: cmd.c, cause: cmd.cause }];
};
