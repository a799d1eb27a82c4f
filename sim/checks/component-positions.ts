import { componentIndex } from '../scenario/component-index.js';

/**
 * A component's position in the scenario by name, for the checkers: one per
 * list of components, shared by every checker of a run. Each record is read
 * by a dozen checkers one after the other, each asking for the position of
 * the same `r.component` (and some of its dependencies'): the last two
 * answers are remembered, so a record costs a map lookup or two, not one per
 * checker (at 10^6 components each lookup is a cache miss, and those were a
 * large part of what checking cost).
 */
export class ComponentPositions {
  private lastName: string | undefined;
  private lastAt = -1;
  private otherName: string | undefined;
  private otherAt = -1;

  constructor(private readonly index: ReadonlyMap<string, number>, readonly count: number) {}

  /** Its position, or -1 for a name outside the scenario's components. */
  of(name: string): number {
    if (name === this.lastName) return this.lastAt;
    if (name === this.otherName) {
      const at = this.otherAt;
      this.otherName = this.lastName;
      this.otherAt = this.lastAt;
      this.lastName = name;
      this.lastAt = at;
      return at;
    }
    const at = this.index.get(name) ?? -1;
    this.otherName = this.lastName;
    this.otherAt = this.lastAt;
    this.lastName = name;
    this.lastAt = at;
    return at;
  }
}

const shared = new WeakMap<readonly { readonly name: string }[], ComponentPositions>();

/** The positions of `components`, built once per list (see componentIndex). */
export function positionsOf(components: readonly { readonly name: string }[]): ComponentPositions {
  let positions = shared.get(components);
  if (positions === undefined) shared.set(components, (positions = new ComponentPositions(componentIndex(components), components.length)));
  return positions;
}

const NO_COMPONENTS: readonly { readonly name: string }[] = [];

/** Positions of no components (every name is outside). */
export const NO_POSITIONS = positionsOf(NO_COMPONENTS);
