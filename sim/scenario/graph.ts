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
  // Two nodes of one name are one node, with the last one's dependencies, visited where the name first appears.
  const roots = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) roots[i] = position.get(nodes[i]!.name)!;
  const edges = edgesByPosition(nodes, position);
  const cycle = findCycleAt(edges.first, edges.targets, roots);
  return cycle?.map((i) => nodes[i]!.name);
}

/** The graph by position: node i's dependencies are `targets[first[i]]` up to `targets[first[i + 1]]`, -1 for a name that is no node. */
export interface EdgesByPosition {
  first: Int32Array;
  targets: Int32Array;
}

/** Each node's dependencies looked up once, by position (compressed rows: two typed arrays for the whole graph). */
export function edgesByPosition(nodes: readonly DependencyNode[], position: ReadonlyMap<string, number>): EdgesByPosition {
  const first = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) first[i + 1] = first[i]! + nodes[i]!.depends.length;
  const targets = new Int32Array(first[nodes.length]!);
  for (let i = 0, e = 0; i < nodes.length; i++) {
    const depends = nodes[i]!.depends;
    for (let k = 0; k < depends.length; k++, e++) targets[e] = position.get(depends[k]!) ?? -1;
  }
  return { first, targets };
}

/**
 * `findCycle` over a graph by position (`edgesByPosition`): the positions along
 * the cycle, the first repeated at the end. `roots[i]`: the node a search from
 * the i-th node starts at (by default, itself).
 */
export function findCycleAt(first: Int32Array, targets: Int32Array, roots?: Int32Array): number[] | undefined {
  const count = first.length - 1;
  const VISITING = 1;
  const DONE = 2;
  const state = new Uint8Array(count);
  const onPath = new Int32Array(count);
  // Iterative depth-first search (a 10^5-long chain would overflow the call stack):
  // `path` is the chain being explored, `next[i]` the next edge of path[i] to try.
  // A dependency that names no node has no dependencies of its own: it cannot be on a cycle.
  const path: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < count; i++) {
    const root = roots === undefined ? i : roots[i]!;
    if (state[root] !== 0) continue;
    path.push(root);
    next.push(first[root]!);
    onPath[root] = 0;
    state[root] = VISITING;
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top]!;
      const edge = next[top]!;
      if (edge === first[node + 1]) {
        state[node] = DONE;
        path.pop();
        next.pop();
        continue;
      }
      next[top] = edge + 1;
      const dep = targets[edge]!;
      if (dep < 0 || state[dep] === DONE) continue;
      if (state[dep] === VISITING) return [...path.slice(onPath[dep]), dep];
      state[dep] = VISITING;
      onPath[dep] = path.length;
      path.push(dep);
      next.push(first[dep]!);
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
