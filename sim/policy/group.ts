import type { Micros } from '../engine/time.js';
import type { LifecycleState } from '../trace/records.js';
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
export function transitiveDependents(name: string, components: readonly ComponentView[]): string[] {
  const found = new Set<string>();
  let frontier = [name];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const c of components) {
      if (found.has(c.name) || c.name === name) continue;
      if (c.depends.some((d) => frontier.includes(d))) {
        found.add(c.name);
        next.push(c.name);
      }
    }
    frontier = next;
  }
  return components.filter((c) => found.has(c.name)).map((c) => c.name);
}

/**
 * The others that a group strategy restarts with the failed child, in start order:
 * OTP one_for_all (every sibling), rest_for_one (siblings started after it),
 * Redox restart-dependents (every component that depends on it).
 */
export function companions(strategy: GroupStrategy, failed: string, siblings: readonly { name: string }[], components: readonly ComponentView[]): string[] {
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
      return transitiveDependents(failed, components);
  }
}

/**
 * Effects of restarting `failed` together with `others`: the live others
 * are stopped in reverse start order (OTP terminates children in reverse
 * start order), then everything restartable starts again in start order
 * after `delayUs`. A restart of a component still stopping waits until it
 * has stopped (the model's rule), so the stops and restarts can be issued at once.
 */
export function groupRestartEffects(failed: string, others: readonly string[], components: readonly ComponentView[], delayUs: Micros): Effect[] {
  const byName = new Map(components.map((c) => [c.name, c]));
  const effects: Effect[] = [];
  for (const name of [...others].reverse()) {
    const view = byName.get(name);
    if (view && isAliveState(view.state)) effects.push({ kind: 'stop', component: name });
  }
  effects.push({ kind: 'restart', component: failed, delayUs });
  for (const name of others) {
    const view = byName.get(name);
    if (!restartable(view) || view!.state === 'failed' || view!.state === 'destroyed') continue;
    effects.push({ kind: 'restart', component: name, delayUs });
  }
  return effects;
}

/**
 * systemd BindsTo= and PartOf=: units bound to the one that terminated stop
 * with it; units part of it are restarted with it (or stopped, if it is not
 * restarted).
 */
export function bindingEffects(terminated: string, restarting: boolean, delayUs: Micros, components: readonly ComponentView[], already: ReadonlySet<string>): Effect[] {
  const effects: Effect[] = [];
  for (const c of components) {
    if (c.name === terminated || already.has(c.name)) continue;
    const bound = c.policy.bindsTo?.includes(terminated) ?? false;
    const partOf = c.policy.partOf?.includes(terminated) ?? false;
    if (!bound && !partOf) continue;
    if (isAliveState(c.state)) effects.push({ kind: 'stop', component: c.name });
    if (partOf && restarting && c.state !== 'failed' && c.state !== 'destroyed') effects.push({ kind: 'restart', component: c.name, delayUs });
  }
  return effects;
}

/**
 * A supervisor that is restarted starts its children again (OTP: a
 * supervisor's init starts every child spec). Children left stopped, e.g.
 * after it escalated, are restarted with it; running ones are left alone.
 */
export function childrenRestartEffects(monitor: string, components: readonly ComponentView[], delayUs: Micros): Effect[] {
  return components
    .filter((c) => c.monitor === monitor && c.state === 'stopped' && restartable(c))
    .map((c) => ({ kind: 'restart', component: c.name, delayUs }) as Effect);
}
