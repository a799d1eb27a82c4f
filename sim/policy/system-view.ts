import type { ComponentView, SystemView } from './types.js';

export type { SystemView } from './types.js';

/** A SystemView over a plain list of components (tests, small callers). */
export function systemViewOf(components: readonly ComponentView[]): SystemView {
  const byName = new Map(components.map((c, i) => [c.name, { view: c, index: i }]));
  const names = (pick: (c: ComponentView) => boolean): string[] => components.filter(pick).map((c) => c.name);
  return {
    get: (name) => byName.get(name)?.view,
    order: (name) => byName.get(name)?.index ?? Infinity,
    dependentsOf: (name) => names((c) => c.depends.includes(name)),
    boundTo: (name) => names((c) => [c.policy.bindsTo, c.policy.partOf, c.requires, c.requisite].some((list) => list?.includes(name) ?? false)),
    childrenOf: (name) => names((c) => c.monitor === name),
  };
}
