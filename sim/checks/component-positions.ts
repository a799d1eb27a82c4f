import { componentIndex } from '../scenario/component-index.js';

/**
 * A component's position in the scenario by name, for the checkers: one per
 * list of components, shared by every checker of a run. Each record is read
 * by a dozen checkers one after the other, each asking for the position of
 * the same `r.component` (and some of its dependencies'): the last two
 * answers are remembered, so a record costs a map lookup or two, not one per
 * checker (at 10^6 components each lookup is a cache miss, and those were a
 * large part of what checking cost).
 *
 * Before the map, it tries the place after each of the last two answers:
 * records come mostly in the order of the components (a boot starts them in
 * the scenario's order, and each start writes `starting`, then `running`),
 * so the next record's component is nearly always the next one. At 10^6
 * components 87 % of the records that missed the two-answer memory were
 * about the component after the last one asked for; reading one name from
 * the list costs far less than a lookup in a map of a million names (the
 * first lookup of each record was 1.3 s of a 10^6 run). A guess is checked
 * by name, and made only when no two components share a name (then the
 * component at that place is the one the index answers; otherwise the index
 * answers with the first of them).
 */
export class ComponentPositions {
  private lastName: string | undefined;
  private lastAt = -1;
  private otherName: string | undefined;
  private otherAt = -1;
  /** Whether every name is at one place only (validate.ts rejects a name given twice): then the component at place i is at place i in the index. */
  readonly uniqueNames: boolean;

  constructor(private readonly index: ReadonlyMap<string, number>, private readonly components: readonly { readonly name: string }[]) {
    this.uniqueNames = index.size === components.length;
  }

  /** How many components there are. */
  get count(): number {
    return this.components.length;
  }

  /** The name of the component at `position`. */
  nameAt(position: number): string {
    return this.components[position]!.name;
  }

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
    const at = this.guess(name) ?? this.index.get(name) ?? -1;
    this.otherName = this.lastName;
    this.otherAt = this.lastAt;
    this.lastName = name;
    this.lastAt = at;
    return at;
  }

  /** The place after one of the last two answers, if `name` is there. */
  private guess(name: string): number | undefined {
    if (!this.uniqueNames) return undefined;
    const next = this.lastAt + 1;
    if (next > 0 && next < this.components.length && this.components[next]!.name === name) return next;
    const afterOther = this.otherAt + 1;
    if (afterOther > 0 && afterOther < this.components.length && this.components[afterOther]!.name === name) return afterOther;
    return undefined;
  }
}

const shared = new WeakMap<readonly { readonly name: string }[], ComponentPositions>();

/** The positions of `components`, built once per list (see componentIndex). */
export function positionsOf(components: readonly { readonly name: string }[]): ComponentPositions {
  let positions = shared.get(components);
  if (positions === undefined) shared.set(components, (positions = new ComponentPositions(componentIndex(components), components)));
  return positions;
}

const NO_COMPONENTS: readonly { readonly name: string }[] = [];

/** Positions of no components (every name is outside). */
export const NO_POSITIONS = positionsOf(NO_COMPONENTS);
