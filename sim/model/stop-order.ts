import type { StateView } from './reactor.js';
import type { Topology } from './topology.js';

/**
 * R4/R8 (and F8/R5's rule outside a system shutdown): when several
 * components are stopped together, dependents stop first. Pure: the order is
 * computed here, the queue is kept by `apply`.
 */

/** The components `c` depends on, directly or through others (breadth first, each once): kept by the topology, computed once. */
export function storagePath(topo: Topology, c: number): readonly number[] {
  return topo.dependencyClosure.of(c);
}

/**
 * For each member, how many other members depend on it (directly or through
 * others): it is asked to stop once they have all ended. `ordered: false`
 * (the `shutdown_order: simultaneous` flaw) stops them all at once.
 */
export function stopOrder(topo: Topology, members: readonly number[], ordered: boolean): { c: number; waitingFor: number }[] {
  // One member (a driver's one dependent, most often) or no order: nothing waits, no table is built.
  if (!ordered || members.length < 2) return members.map((c) => ({ c, waitingFor: 0 }));
  // Set one by one: a map built from a list of pairs takes the slow, iterating path.
  const waitingFor = new Map<number, number>();
  for (let i = 0; i < members.length; i++) waitingFor.set(members[i]!, 0);
  for (const x of members) {
    for (const d of storagePath(topo, x)) {
      const n = waitingFor.get(d);
      if (n !== undefined) waitingFor.set(d, n + 1);
    }
  }
  return members.map((c) => ({ c, waitingFor: waitingFor.get(c)! }));
}

/** The members of `group` still queued that `c` depends on: each is one step nearer its turn now that `c` has ended. */
export function queuedProviders(s: StateView, topo: Topology, c: number, group: number): number[] {
  const out: number[] = [];
  for (const d of storagePath(topo, c)) if (s.components[d]!.stopGroup === group && s.components[d]!.queuedStop !== undefined) out.push(d);
  return out;
}

/**
 * R8: saving needs the save path: its store and what the store depends on
 * (sim/model/save-path.ts), alive and answering. Of those that are not,
 * the one down the longest (its end or hang came first: the root of the
 * others' being down), with the seq of that end or hang; or undefined.
 */
export function downStore(state: StateView, topo: Topology, c: number): { store: number; cause: number | undefined } | undefined {
  let root: { store: number; cause: number | undefined } | undefined;
  for (const d of topo.savePath[c]!) {
    const store = state.components[d]!;
    if (store.life.state === 'running' || store.life.state === 'stopping') continue;
    // Why a store cannot take a save: its hang, or its last end.
    const cause = store.life.state === 'hung' ? store.life.hungCause : store.lastEndSeq;
    if (!root || (cause ?? Infinity) < (root.cause ?? Infinity)) root = { store: d, cause };
  }
  return root;
}
