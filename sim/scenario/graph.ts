/**
 * Pure functions over the dependency graph: `depends` edges point from a
 * component to the components it needs.
 */

export interface DependencyNode {
  name: string;
  depends: readonly string[];
}

/**
 * Finds one dependency cycle, returned as the names along it with the first
 * repeated at the end (`a -> b -> a`), or undefined when the graph is acyclic.
 * Visits nodes in declaration order, so the cycle reported is deterministic.
 */
export function findCycle(nodes: readonly DependencyNode[]): string[] | undefined {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  // Iterative depth-first search (a 10^5-long chain would overflow the call stack):
  // `path` is the chain being explored, `next[i]` the next dependency of path[i] to try.
  const path: string[] = [];
  const next: number[] = [];
  const onPath = new Map<string, number>();
  for (const root of nodes) {
    if (state.has(root.name)) continue;
    path.push(root.name);
    next.push(0);
    onPath.set(root.name, 0);
    state.set(root.name, 'visiting');
    while (path.length > 0) {
      const top = path.length - 1;
      const deps = byName.get(path[top]!)?.depends ?? [];
      const k = next[top]!;
      if (k === deps.length) {
        state.set(path[top]!, 'done');
        onPath.delete(path[top]!);
        path.pop();
        next.pop();
        continue;
      }
      next[top] = k + 1;
      const dep = deps[k]!;
      const mark = state.get(dep);
      if (mark === 'done') continue;
      if (mark === 'visiting') return [...path.slice(onPath.get(dep)!), dep];
      state.set(dep, 'visiting');
      onPath.set(dep, path.length);
      path.push(dep);
      next.push(0);
    }
  }
  return undefined;
}

/** For each component, the components that depend on it (its dependents), in declaration order. */
export function dependentsOf(nodes: readonly DependencyNode[]): Map<string, string[]> {
  const dependents = new Map<string, string[]>(nodes.map((n) => [n.name, []]));
  for (const node of nodes) {
    for (const dep of node.depends) dependents.get(dep)?.push(node.name);
  }
  return dependents;
}

/** Everything that depends on `name`, directly or through others, in declaration order. */
export function transitiveDependents(nodes: readonly DependencyNode[], name: string): string[] {
  const direct = dependentsOf(nodes);
  const found = new Set<string>();
  // A worklist, not recursion: chains of 10^5 components stay within the stack.
  const todo = [name];
  while (todo.length > 0) {
    for (const d of direct.get(todo.pop()!) ?? []) {
      if (!found.has(d)) {
        found.add(d);
        todo.push(d);
      }
    }
  }
  return nodes.map((n) => n.name).filter((n) => found.has(n));
}
