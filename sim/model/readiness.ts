import type { StateView } from './reactor.js';
import { stopOf } from './state.js';
import type { Topology } from './topology.js';

/**
 * R4: what a component still waits for before it may start: its
 * dependencies, its monitor (a monitor starts its own children) and any
 * component a strategy named (R8), each until it runs. Indices, dependencies
 * first, without repeats.
 */
export function missingFor(state: StateView, topo: Topology, c: number, waitFor: readonly string[]): number[] {
  const missing: number[] = [];
  const need = (m: number): void => {
    if (state.components[m]!.life.state !== 'running' && !missing.includes(m)) missing.push(m);
  };
  for (const d of topo.dependsOn[c]!) need(d);
  for (const name of waitFor) need(topo.index.get(name)!);
  const monitor = topo.monitorOf[c];
  if (monitor !== undefined) need(monitor);
  return missing;
}

/** Starting, or waiting to start: it will run without anyone deciding anything more. */
export function isOnItsWay(state: StateView, c: number): boolean {
  const life = state.components[c]!.life;
  return life.state === 'starting' || (life.state === 'stopped' && life.pending !== undefined);
}

/**
 * On its way, a restart of it scheduled, or stopping to come back (a group
 * strategy's stop, restarted with its group; a dependency's, resumed with
 * it): something will bring it back. Otherwise it is left down (failed,
 * destroyed, or stopped by a decision not to restart it) or refused itself,
 * and whoever waits for it is told (R4).
 */
export function willComeBack(state: StateView, c: number): boolean {
  const component = state.components[c]!;
  const life = component.life;
  if (life.state === 'stopped' && life.pending?.refused) return false; // blocked itself: its refusal names why
  const reason = stopOf(life)?.reason;
  return isOnItsWay(state, c) || (life.state === 'stopped' && component.restartScheduled === true) || reason === 'policy' || reason === 'dependency';
}
