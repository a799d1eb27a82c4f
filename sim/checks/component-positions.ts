import { componentIndex } from '../scenario/component-index.js';

/**
 * A component's position in the scenario by name, for the checkers: one per
 * list of components, shared by every checker of a run. Each record is read
 * by a dozen checkers one after the other, each asking for the position of
 * the same `r.component` (and some of its dependencies'): the last three
 * answers are remembered, so a record costs a map lookup or two, not one per
 * checker (at 10^6 components each lookup is a cache miss, and those were a
 * large part of what checking cost). Three, not two: a start asks for the
 * component and its dependency, and the next start (a sibling) for the next
 * component and the same dependency.
 *
 * Before the map, it tries the place after each remembered answer: records
 * come mostly in the order of the components (a boot starts them in the
 * scenario's order, and each start writes `starting`, then `running`), so
 * the next record's component is nearly always the next one. Reading one
 * name from the list costs far less than a lookup in a map of a million
 * names: the map lookups of a 10^5-component run (bench (i)'s file) fell
 * from 412,501 to 87,502 with the guess, and to 13 with the third answer
 * remembered (the first lookup of each record was 1.3 s of a 10^6 run). A guess is checked by
 * name, and made only when no two components share a name (then the
 * component at that place is the one the index answers; otherwise the index
 * answers with the first of them).
 */
export class ComponentPositions {
  private lastName: string | undefined;
  private lastAt = -1;
  private otherName: string | undefined;
  private otherAt = -1;
  private thirdName: string | undefined;
  private thirdAt = -1;
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
    let at: number;
    if (name === this.otherName) at = this.otherAt;
    else if (name === this.thirdName) {
      at = this.thirdAt;
      this.thirdName = this.otherName;
      this.thirdAt = this.otherAt;
    } else {
      at = this.guess(name) ?? this.index.get(name) ?? -1;
      this.thirdName = this.otherName;
      this.thirdAt = this.otherAt;
    }
    this.otherName = this.lastName;
    this.otherAt = this.lastAt;
    this.lastName = name;
    this.lastAt = at;
    return at;
  }

  /** The place after one of the remembered answers, if `name` is there. */
  private guess(name: string): number | undefined {
    if (!this.uniqueNames) return undefined;
    if (this.holds(this.lastAt + 1, name)) return this.lastAt + 1;
    if (this.holds(this.otherAt + 1, name)) return this.otherAt + 1;
    if (this.holds(this.thirdAt + 1, name)) return this.thirdAt + 1;
    return undefined;
  }

  /** Whether the component at `place` (past the first: there is no answer before it to follow) is named `name`. */
  private holds(place: number, name: string): boolean {
    return place > 0 && place < this.components.length && this.components[place]!.name === name;
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
