/**
 * Each component's position by name, built once per scenario and shared by
 * whoever needs it (the checks at load, the model's topology, the invariant
 * observers): at a million components one such map is some 60 MB and a
 * fraction of a second, and it used to be built five times over.
 *
 * Keyed on the components array itself: a resolved scenario's components are
 * plain data that nothing changes once it is resolved (a changed scenario is
 * a new one, with a new array). The first of two components with one name
 * keeps its position (validate.ts reports the second).
 */
const indexes = new WeakMap<readonly { readonly name: string }[], ReadonlyMap<string, number>>();

export function componentIndex(components: readonly { readonly name: string }[]): ReadonlyMap<string, number> {
  let index = indexes.get(components);
  if (index === undefined) {
    // One operation per name (not a lookup then a set): the map's order is that of first appearance either way.
    const built = new Map<string, number>();
    for (let i = 0; i < components.length; i++) built.set(components[i]!.name, i);
    // A name given twice kept its last position: give it back its first, walking back (its place in the map does not move).
    if (built.size !== components.length) for (let i = components.length - 1; i >= 0; i--) built.set(components[i]!.name, i);
    indexes.set(components, (index = built));
  }
  return index;
}
