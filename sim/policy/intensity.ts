import type { Micros } from '../engine/time.js';
import { terminationInstants } from './backoff.js';
import type { FailureContext } from './types.js';

/**
 * OTP restart intensity: what a supervisor has on record when one of its
 * children ends. A restarted supervisor is a new process whose state starts
 * with an empty restart list (lib/stdlib/src/supervisor.erl: `#state{}` has
 * `restarts = []`, filled only by add_restart/1 of that process), so only the
 * ends since the monitor's own last start count.
 */
export function groupTerminations(ctx: FailureContext): Micros[] {
  const sinceUs = ctx.system.get(ctx.monitor)?.history?.startsUs.at(-1) ?? -Infinity;
  // Strictly after: the end that made the old supervisor give up can share the instant of the new one's start.
  return groupTerminationsEver(ctx).filter((t) => t > sinceUs);
}

/** Terminations of the monitor's restartable children since boot, this one included (whoever supervised them). */
export function groupTerminationsEver(ctx: FailureContext): Micros[] {
  const own = terminationInstants({ nowUs: ctx.nowUs, history: ctx.history, ranForUs: ctx.ranForUs });
  const others: Micros[] = [];
  for (const s of ctx.siblings) {
    if (s.name === ctx.component) continue;
    const view = ctx.system.get(s.name);
    if (!view?.history || view.policy.when === 'never') continue;
    others.push(...(view.history.endsUs ?? view.history.failuresUs));
  }
  return [...others, ...own];
}
