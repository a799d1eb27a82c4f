/**
 * Ordering graphs of imported configuration. recsim refuses a dependency
 * cycle (F12), while real systems may ship one (systemd breaks an ordering
 * cycle at boot by deleting a job, and logs "Found ordering cycle"). The
 * importers therefore drop the edge that closes each cycle, deterministically
 * (nodes in the given order, edges in declaration order), and report it.
 */

export interface Edge {
  /** The node that waits (starts after, stops before). */
  from: string;
  /** The node it waits for. */
  to: string;
  /** file:line of the directive the edge comes from. */
  at: string;
  directive: string;
}

export function breakCycles(edges: readonly Edge[], nodes: readonly string[], onDrop: (edge: Edge, cycle: string[]) => void): Edge[] {
  const out = new Map<string, Edge[]>();
  const seen = new Set<string>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    if (seen.has(key)) continue; // one edge per pair: the first directive that made it
    seen.add(key);
    out.set(e.from, [...(out.get(e.from) ?? []), e]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const dropped = new Set<Edge>();
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const e of out.get(node) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') {
        dropped.add(e);
        onDrop(e, [...stack.slice(stack.indexOf(e.to)), e.to]);
      } else if (s === undefined) visit(e.to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const n of nodes) if (!state.has(n)) visit(n);
  return [...out.values()].flat().filter((e) => !dropped.has(e));
}
