import type { Micros } from '../engine/time.js';
import type { LifecycleState } from '../vocabulary/words.js';
import type { SystemView } from './system-view.js';
import type { ComponentView, Effect, GroupStrategy } from './types.js';

/** A process exists: it can be asked to stop. */
export function isAliveState(state: LifecycleState): boolean {
  return state === 'starting' || state === 'running' || state === 'stopping' || state === 'hung';
}

/** Whether a component is ever restarted by its own policy (OTP: temporary children are not). */
function restartable(view: ComponentView | undefined): boolean {
  return view !== undefined && view.policy.when !== 'never';
}

/** The components that depend on `name`, directly or through others, in declaration order. */
export function transitiveDependents(name: string, system: SystemView): string[] {
  const found = new Set<string>();
  const work = [name];
  while (work.length > 0) {
    for (const d of system.dependentsOf(work.pop()!)) {
      if (d === name || found.has(d)) continue;
      found.add(d);
      work.push(d);
    }
  }
  return [...found].sort((a, b) => system.order(a) - system.order(b));
}

/**
 * The others that a group strategy restarts with the failed child, in start order:
 * OTP one_for_all (every sibling), rest_for_one (siblings started after it),
 * Redox restart-dependents (every component that depends on it).
 */
export function companions(strategy: GroupStrategy, failed: string, siblings: readonly { name: string }[], system: SystemView): string[] {
  switch (strategy) {
    case 'one_for_one':
      return [];
    case 'one_for_all':
      return siblings.map((s) => s.name).filter((n) => n !== failed);
    case 'rest_for_one': {
      const at = siblings.findIndex((s) => s.name === failed);
      return at < 0 ? [] : siblings.slice(at + 1).map((s) => s.name);
    }
    case 'restart-dependents':
      return transitiveDependents(failed, system);
  }
}

/**
 * Effects of restarting `failed` together with `others`: the live others
 * are stopped in reverse start order (OTP terminates children in reverse
 * start order), then everything restartable starts again in start order
 * after `delayUs`. A restart of a component still stopping waits until it
 * has stopped (the model's rule), so the stops and restarts can be issued at once.
 */
export function groupRestartEffects(failed: string, others: readonly string[], system: SystemView, delayUs: Micros): Effect[] {
  const effects: Effect[] = [];
  for (let i = others.length - 1; i >= 0; i--) {
    const name = others[i]!;
    const view = system.get(name);
    if (view && isAliveState(view.state)) effects.push({ kind: 'stop', component: name });
  }
  effects.push({ kind: 'restart', component: failed, delayUs });
  for (const name of others) {
    const view = system.get(name);
    if (!restartable(view) || view!.state === 'failed' || view!.state === 'destroyed') continue;
    effects.push({ kind: 'restart', component: name, delayUs });
  }
  return effects;
}

/**
 * OTP one_for_all and rest_for_one (lib/stdlib/src/supervisor.erl, restart/3 ->
 * restart_multiple_children/3): `terminate_children` shuts the others down one at a
 * time in reverse start order (`shutdown/2` waits for each child's 'DOWN' before the
 * next), and only then does `start_children` start them, in start order, the failed
 * child among them. Temporary children are terminated but not restarted. When none of
 * the others is alive there is nothing to wait for: all restart after `delayUs`.
 */
export function otpGroupRestartEffects(failed: string, others: readonly string[], system: SystemView, delayUs: Micros): Effect[] {
  const stop = [...others].reverse().filter((name) => isAliveState(system.get(name)?.state ?? 'stopped'));
  if (stop.length === 0) return groupRestartEffects(failed, others, system, delayUs);
  const restart = [failed, ...others]
    .filter((name) => name === failed || (restartable(system.get(name)) && system.get(name)!.state !== 'failed' && system.get(name)!.state !== 'destroyed'))
    .sort((a, b) => system.order(a) - system.order(b));
  return [{ kind: 'stop-then-restart', stop, restart }];
}

/**
 * A supervisor that is restarted starts its children again (OTP: a
 * supervisor's init starts every child spec). Children left stopped, e.g.
 * after it escalated, are restarted with it; running ones are left alone.
 */
export function childrenRestartEffects(monitor: string, system: SystemView, delayUs: Micros): Effect[] {
  return system
    .childrenOf(monitor)
    .map((name) => system.get(name)!)
    .filter((c) => c.state === 'stopped' && restartable(c))
    .map((c) => ({ kind: 'restart', component: c.name, delayUs }) as Effect);
}
