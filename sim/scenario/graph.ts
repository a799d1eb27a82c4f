import { componentIndex } from './component-index.js';

/**
 * Pure functions over the dependency graph: `depends` edges point from a
 * component to the components it needs.
 */

export interface DependencyNode {
  name: string;
  depends: readonly string[];
}

/** Each node's position by name; of two nodes with one name, the last one's. */
function positionsOf(nodes: readonly DependencyNode[]): Map<string, number> {
  const position = new Map<string, number>();
  nodes.forEach((n, i) => position.set(n.name, i));
  return position;
}

/**
 * Finds one dependency cycle, returned as the names along it with the first
 * repeated at the end (`a -> b -> a`), or undefined when the graph is acyclic.
 * Visits nodes in declaration order, so the cycle reported is deterministic.
 * `position` gives each node's index by name (a caller that has one passes it).
 */
export function findCycle(nodes: readonly DependencyNode[], position: ReadonlyMap<string, number> = positionsOf(nodes)): string[] | undefined {
  // By position (a name is looked up once per edge): a million nodes need no map of states by name.
  const VISITING = 1;
  const DONE = 2;
  const state = new Uint8Array(nodes.length);
  const onPath = new Int32Array(nodes.length);
  // Iterative depth-first search (a 10^5-long chain would overflow the call stack):
  // `path` is the chain being explored, `next[i]` the next dependency of path[i] to try.
  // A dependency that names no node has no dependencies of its own: it cannot be on a cycle.
  const path: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    // Two nodes of one name are one node, with the last one's dependencies, visited where the name first appears.
    const root = position.get(nodes[i]!.name)!;
    if (state[root] !== 0) continue;
    path.push(root);
    next.push(0);
    onPath[root] = 0;
    state[root] = VISITING;
    while (path.length > 0) {
      const top = path.length - 1;
      const deps = nodes[path[top]!]!.depends;
      const k = next[top]!;
      if (k === deps.length) {
        state[path[top]!] = DONE;
        path.pop();
        next.pop();
        continue;
      }
      next[top] = k + 1;
      const dep = position.get(deps[k]!);
      if (dep === undefined || state[dep] === DONE) continue;
      if (state[dep] === VISITING) return [...path.slice(onPath[dep]), dep].map((i) => nodes[i]!.name);
      state[dep] = VISITING;
      onPath[dep] = path.length;
      path.push(dep);
      next.push(0);
    }
  }
  return undefined;
}

/**
 * For each component that has dependents, those dependents, in declaration
 * order; a component nothing depends on has no entry (most of a large tree
 * are leaves: a million of them would each hold an empty list).
 */
export function dependentsOf(nodes: readonly DependencyNode[]): Map<string, string[]> {
  const known = componentIndex(nodes);
  const dependents = new Map<string, string[]>();
  for (const node of nodes) {
    for (const dep of node.depends) {
      if (!known.has(dep)) continue;
      const list = dependents.get(dep);
      if (list === undefined) dependents.set(dep, [node.name]);
      else list.push(node.name);
    }
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
