import type { ComponentView } from './types.js';

/**
 * The rest of the system, as a decision may look at it: one component at a
 * time and the relations it needs, never a list of everything. The model
 * answers from precomputed relations, so a decision costs what it touches,
 * not the size of the system. Names come back in declaration order.
 */
export interface SystemView {
  get(name: string): ComponentView | undefined;
  /** Declaration position, for ordering. */
  order(name: string): number;
  /** Components that depend directly on `name`. */
  dependentsOf(name: string): readonly string[];
  /** Components whose BindsTo=, PartOf=, Requires= or Requisite= names `name`. */
  boundTo(name: string): readonly string[];
  /** Components supervised by the monitor `name`. */
  childrenOf(name: string): readonly string[];
}

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
