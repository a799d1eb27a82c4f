import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import type { Reactor } from '../reactor.js';
import { isAlive, stopOf } from '../state.js';

/** R4 (with on_dependency_stop: stop-dependents): a component that stops takes down what depends on it; they start again once it is back. */
export const stopDependents: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  if (fact.route !== 'own' && fact.route !== 'dependency') return [];
  if (ctx.topo.scenario.system.onDependencyStop !== 'stop-dependents') return [];
  const out: Command[] = [];
  for (const d of ctx.topo.dependents[fact.c]!) {
    const life = s.components[d]!.life;
    if (isAlive(life.state) && life.state !== 'stopping' && stopOf(life) === undefined) out.push({ do: 'stop', c: d, reason: 'dependency', cause: fact.seq, waitFor: [] });
  }
  return out;
};
