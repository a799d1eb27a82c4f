import type { ComponentSpec } from '../scenario/types.js';

/**
 * R8, where a save lands: a component stopped gracefully
 * saves its unflushed data to its store, so the save needs that store and
 * what the store depends on, directly or through others, and nothing else:
 * an editor saving to redoxfs (on ahcid) keeps its work when the network
 * driver behind another of its dependencies has crashed.
 *
 * With no store named (`dirty_data.store`), the default:
 * - no dependency: the save needs nothing (it writes its own storage);
 * - one direct dependency: that is its store (so the path is every component
 *   it depends on, the rule before stores could be named);
 * - several: which one is the store is ambiguous; recsim keeps the
 *   conservative rule (every component it depends on must be up) and
 *   `ambiguousStore` says so, for a warning at load.
 */
export function savePath(specs: readonly ComponentSpec[], index: ReadonlyMap<string, number>, dependsOn: readonly (readonly number[])[], c: number): number[] {
  const store = specs[c]!.dirtyData?.store;
  const from = store === undefined ? c : index.get(store)!;
  const seen = new Set<number>([c, from]);
  const out = store === undefined ? [] : [from];
  const work = [...dependsOn[from]!];
  for (let head = 0; head < work.length; head++) {
    const d = work[head]!;
    if (seen.has(d)) continue;
    seen.add(d);
    out.push(d);
    work.push(...dependsOn[d]!);
  }
  return out;
}

/** The warning for a writer whose store is ambiguous (no store named, several dependencies), or undefined. */
export function ambiguousStore(c: ComponentSpec): string | undefined {
  if (!c.dirtyData || c.dirtyData.store !== undefined || c.depends.length < 2) return undefined;
  return `"${c.name}" has dirty_data but names no store and depends on ${c.depends.join(', ')}: a graceful save needs all of them up; name the one its data goes to with dirty_data.store`;
}
