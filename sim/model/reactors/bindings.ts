import { restartJobs, restartPropagates, retroactiveStopJobs, stopJobs, type BindingJob } from '../../policy/bindings.js';
import type { RecoveryPolicy } from '../../policy/types.js';
import { ROOT_MONITOR } from '../actors.js';
import { ref, type Cause, type Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor, type ReactorContext, type StateView } from '../reactor.js';
import { isAlive, stopOf, systemIsStopping } from '../state.js';

/**
 * systemd BindsTo= and PartOf= (sim/policy/bindings.ts says which jobs arise;
 * this applies them). Each job is a decision record naming the relation that
 * carried it, then the stop, the cancelled automatic restart, or the
 * try-restart (a stop, then a restart once it has stopped).
 */

function policyOf(s: StateView, ctx: ReactorContext, c: number): RecoveryPolicy {
  return (s.components[c]!.policyOverride as RecoveryPolicy | undefined) ?? ctx.topo.specs[c]!.policy;
}

function monitorOf(ctx: ReactorContext, c: number): string {
  const m = ctx.topo.monitorOf[c];
  return m === undefined ? ROOT_MONITOR : ctx.topo.specs[m]!.name;
}

/**
 * The commands of binding jobs. `base` is the position in its batch of the
 * first command returned (references are batch-wide), `cause` what set the
 * propagation off.
 */
export function bindingJobCommands(s: StateView, ctx: ReactorContext, jobs: readonly BindingJob[], cause: Cause, base: number): Command[] {
  const out: Command[] = [];
  const decide = (c: number, action: string, reason: string): Cause => {
    out.push({ do: 'emit', draft: { type: 'decision', component: ctx.topo.specs[c]!.name, by: monitorOf(ctx, c), action, reason }, cause });
    return ref(base + out.length - 1);
  };
  for (const job of jobs) {
    const c = ctx.topo.index.get(job.component)!;
    const component = s.components[c]!;
    const life = component.life;
    const via = `${job.relation}=${job.from}`;
    if (job.kind === 'try-restart') {
      const d = decide(c, 'try-restart', `${via}: ${job.from} restarts, and a try-restart restarts ${job.component} (it is active)`);
      out.push({ do: 'stop', c, reason: 'binding', cause: d }, { do: 'schedule-restart', c, delayUs: 0, cause: d, quiet: true });
    } else if (isAlive(life.state) && life.state !== 'stopping' && stopOf(life) === undefined) {
      out.push({ do: 'stop', c, reason: 'binding', cause: decide(c, 'stop', `${via}: ${job.from} stops, so ${job.component} is stopped too`) });
    } else if (life.state === 'stopped' && component.autoRestart === 'due') {
      decide(c, 'cancel-restart', `${via}: a stop job reaches ${job.component} while it waits for its automatic restart ("Stop job pending for unit, skipping automatic restart")`);
      out.push({ do: 'cancel-auto-restart', c });
    }
  }
  return out;
}

/**
 * A restart of `c` (its automatic restart, an operator's restart) propagates
 * try-restarts, unless it is the automatic restart of RestartMode=direct under
 * systemd 257 or later, a plain start (sim/policy/bindings.ts `restartPropagates`).
 */
export function restartPropagation(s: StateView, ctx: ReactorContext, c: number, cause: Cause, base: number, automatic: boolean): Command[] {
  if (ctx.topo.boundTo[c]!.length === 0 || !restartPropagates(policyOf(s, ctx, c), automatic)) return [];
  return bindingJobCommands(s, ctx, restartJobs(ctx.topo.specs[c]!.name, ctx.system), cause, base);
}

/** A stop job for `c` (an operator's): it propagates to BindsTo= and PartOf= units at once, in the same transaction. */
export function stopPropagation(s: StateView, ctx: ReactorContext, c: number, cause: Cause, base: number): Command[] {
  if (ctx.topo.boundTo[c]!.length === 0) return [];
  return bindingJobCommands(s, ctx, stopJobs(ctx.topo.specs[c]!.name, ctx.system), cause, base);
}

/**
 * A unit ended. On its own (a crash, an exit, a failed start): units bound to
 * it stop (BindsTo=, retroactively), unless RestartMode=direct keeps it
 * activating until its restart. Stopped by a policy or taken down by a
 * dependency: that stop job propagates to BindsTo= and PartOf= units, or, when
 * it is a group restart, try-restarts them. Stops that bindings or operators
 * made propagated when they were asked for.
 */
export const propagateBindings: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  const c = fact.c;
  if (ctx.topo.boundTo[c]!.length === 0 || systemIsStopping(s)) return NO_COMMANDS;
  const name = ctx.topo.specs[c]!.name;
  const component = s.components[c]!;
  switch (fact.route) {
    case 'own':
      if (policyOf(s, ctx, c).restartMode === 'direct' && component.autoRestart === 'due') return NO_COMMANDS;
      return bindingJobCommands(s, ctx, retroactiveStopJobs(name, ctx.system), fact.seq, 0);
    case 'dependency':
      return bindingJobCommands(s, ctx, stopJobs(name, ctx.system), fact.seq, 0);
    case 'policy':
      if (fact.stopReason !== 'policy') return NO_COMMANDS;
      // A group restart: afterPolicyStop, before this, has scheduled its restart (or it is still batched).
      const restarting = component.restartBatch !== undefined || component.restartScheduled === true;
      return bindingJobCommands(s, ctx, restarting ? restartJobs(name, ctx.system) : stopJobs(name, ctx.system), fact.seq, 0);
    default:
      return NO_COMMANDS;
  }
};
