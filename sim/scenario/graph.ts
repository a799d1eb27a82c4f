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
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const mark = state.get(name);
    if (mark === 'done') return undefined;
    if (mark === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of byName.get(name)?.depends ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const node of nodes) {
    const cycle = visit(node.name);
    if (cycle) return cycle;
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
  const walk = (n: string): void => {
    for (const d of direct.get(n) ?? []) {
      if (!found.has(d)) {
        found.add(d);
        walk(d);
      }
    }
  };
  walk(name);
  return nodes.map((n) => n.name).filter((n) => found.has(n));
}
