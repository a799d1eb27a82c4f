import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor } from '../reactor.js';
import { isAlive, systemIsStopping } from '../state.js';

/** Fuchsia collections (F2, F3): what happens to dynamic children when they or their parent end. */

/** F2: the parent of a transient collection stopping destroys the collection's children. */
export const destroyTransientChildren: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  const children = ctx.topo.transientChildrenOf[fact.c]!;
  // No transient collection under it (almost every component): nothing to look at, no list made.
  if (children.length === 0 || fact.route === 'shutdown' || fact.route === 'stopping' || systemIsStopping(s)) return NO_COMMANDS;
  const out: Command[] = [];
  for (const child of children) {
    const state = s.components[child]!.life.state;
    if (isAlive(state)) out.push({ do: 'destroy', c: child, cause: fact.seq });
    else if (state !== 'destroyed') out.push({ do: 'set-destroyed', c: child, cause: fact.seq });
  }
  return out;
};

/** F3: a single-run child is destroyed once it has terminated (after the component manager's reboot decision). */
export const destroySingleRunChild: Reactor<FactOf<'terminated'>> = (s, fact, ctx) =>
  fact.route === 'own' && !systemIsStopping(s) && ctx.topo.specs[fact.c]!.collection?.durability === 'single-run'
    ? [{ do: 'set-destroyed', c: fact.c, cause: fact.seq }]
    : NO_COMMANDS;
