import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import type { Reactor } from '../reactor.js';
import { isAlive, stopOf } from '../state.js';
import type { Topology } from '../topology.js';

/**
 * R4, "`depends` is one-way: when a dependency stops its dependents stop ...
 * This is the Redox monitors' default behaviour": whether a dependent is
 * taken down is its supervisor's semantics. A Redox service monitor (a
 * component of kind `monitor`) stops it; init, the component manager and
 * supervisors (Fuchsia, OTP) leave it running (systemd's BindsTo=/PartOf=
 * are policy fields, handled by the policy). `system.on_dependency_stop`,
 * when written, decides for every component.
 */
export function stopsWithDependency(topo: Topology, d: number): boolean {
  const mode = topo.scenario.system.onDependencyStop;
  if (mode !== 'by-monitor') return mode === 'stop-dependents';
  const m = topo.monitorOf[d];
  return m !== undefined && topo.specs[m]!.kind === 'monitor';
}

/** R4: a component that stops takes down what depends on it (as its supervisor says); they start again once it is back. */
export const stopDependents: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  if (fact.route !== 'own' && fact.route !== 'dependency') return [];
  const out: Command[] = [];
  for (const d of ctx.topo.dependents[fact.c]!) {
    if (!stopsWithDependency(ctx.topo, d)) continue;
    const life = s.components[d]!.life;
    if (isAlive(life.state) && life.state !== 'stopping' && stopOf(life) === undefined) out.push({ do: 'stop', c: d, reason: 'dependency', cause: fact.seq, waitFor: [] });
  }
  return out;
};
