import type { StateView } from './reactor.js';
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
