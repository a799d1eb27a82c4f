/**
 * The topology's relations as lists of component positions, one list per
 * component and relation, built so that a million components do not make
 * millions of small arrays: every empty list is one shared frozen list, and
 * every one-element list [p] is one shared frozen list per position p (at
 * 10^6 components most lists hold nothing or one position: the one provider
 * a service depends on, which is also the one it stops before). An array
 * costs some 56 bytes and its pointer 8; a shared one costs the pointer.
 *
 * The topology never changes once built, so sharing is safe; frozen, so a
 * writer that pushed onto a shared list would throw. Lists of two or more
 * positions are each their own.
 */
export const NO_POSITIONS: readonly number[] = Object.freeze([]);

export class IndexLists {
  /** The one relation in which every component's list is empty, shared by all such relations of the topology. */
  private allEmpty: readonly (readonly number[])[] | undefined;

  /**
   * The shared one-element list of each position, made on first use. Sized
   * up front: filled at scattered positions, a growing array would turn
   * into a slow dictionary of elements.
   */
  private readonly singles: (readonly number[] | undefined)[];

  constructor(positions: number) {
    this.singles = new Array<readonly number[] | undefined>(positions).fill(undefined);
  }

  /** The list [p], shared by every relation of the topology that holds p alone. */
  one(p: number): readonly number[] {
    return (this.singles[p] ??= Object.freeze([p]));
  }

  /** `n` lists, each the shared empty one until something is added to it. */
  lists(n: number): (readonly number[])[] {
    return new Array<readonly number[]>(n).fill(NO_POSITIONS);
  }

  /** Adds `p` to the i-th list: the shared [p] for an empty one, a list of its own for a shared one-element one. */
  add(lists: (readonly number[])[], i: number, p: number): void {
    const list = lists[i]!;
    if (list.length === 0) lists[i] = this.one(p);
    else if (list.length === 1) lists[i] = [list[0]!, p];
    else (list as number[]).push(p);
  }

  /** The reverse of a relation: for each position, the components whose lists hold it, in declaration order. */
  reverse(relation: readonly (readonly number[])[]): (readonly number[])[] {
    const out = this.lists(relation.length);
    for (let i = 0; i < relation.length; i++) {
      const list = relation[i]!;
      for (let k = 0; k < list.length; k++) this.add(out, list[k]!, i);
    }
    return out;
  }

  /** The positions of a list of names: shared when empty or one. */
  positions(names: readonly string[] | undefined, at: (name: string) => number): readonly number[] {
    if (names === undefined || names.length === 0) return NO_POSITIONS;
    return names.length === 1 ? this.one(at(names[0]!)) : names.map(at);
  }

  /** A list built elsewhere (without repeats), shared when empty or one. */
  shared(list: readonly number[]): readonly number[] {
    return list.length === 0 ? NO_POSITIONS : list.length === 1 ? this.one(list[0]!) : list;
  }

  /**
   * A finished relation: the one shared all-empty relation when no
   * component has an entry in it (most scenarios use few of the dozen
   * relations: at 10^6 components each unused one was 8 MB of pointers);
   * else the relation, with each list of its own cut to its length (one
   * grown by pushes keeps up to half again and 16 more slots: V8's
   * JSObject::NewElementsCapacity, src/objects/js-objects-inl.h).
   */
  relation<T extends readonly unknown[]>(lists: T[]): readonly T[] {
    let any = false;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i]!;
      if (list.length > 0) any = true;
      if (list.length > 1) lists[i] = list.slice() as unknown as T;
    }
    if (any) return lists;
    if (this.allEmpty === undefined || this.allEmpty.length !== lists.length) this.allEmpty = lists as readonly (readonly number[])[];
    return this.allEmpty as unknown as readonly T[];
  }
}
