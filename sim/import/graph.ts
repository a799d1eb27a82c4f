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
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const dropped = new Set<Edge>();
  // Depth-first with an explicit stack of frames (a node and its next edge), not recursion: a 20,000-long
  // chain of After= must not overflow the call stack. Same order as the recursive walk, so the same edges drop.
  const frames: { node: string; edges: readonly Edge[]; next: number }[] = [];
  const enter = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    frames.push({ node, edges: out.get(node) ?? [], next: 0 });
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    enter(n);
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      if (frame.next < frame.edges.length) {
        const e = frame.edges[frame.next++]!;
        const s = state.get(e.to);
        if (s === 'open') {
          dropped.add(e);
          onDrop(e, [...stack.slice(stack.lastIndexOf(e.to)), e.to]);
        } else if (s === undefined) enter(e.to);
      } else {
        frames.pop();
        stack.pop();
        state.set(frame.node, 'done');
      }
    }
  }
  return [...out.values()].flat().filter((e) => !dropped.has(e));
}
