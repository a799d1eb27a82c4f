/**
 * Lists and lifecycle states that carry no data, shared by every component
 * that has them. At a million components, a list of its own per component
 * and per purpose (armed faults, supervisor events, waiters, four history
 * lists) was most of the model's memory, and almost all of them stay empty.
 *
 * The rule that keeps sharing safe: an empty list is never changed in place;
 * whoever adds to it puts a new list in its place (`appended`). Frozen, so a
 * push onto the shared list throws. A `structuredClone` of the state (a
 * fork) copies the shared list once and shares the copy, unfrozen, between
 * the same components: the rule, not the freeze, is what protects it there.
 */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** The shared empty list, typed as a writable list of `T` for a state field (nothing writes into it: see `appended`). */
export function emptyList<T>(): T[] {
  return EMPTY_LIST as never[];
}

/**
 * `list` with `item` at its end: a new one-element list when `list` is empty
 * (it may be shared), else `list` itself, pushed onto. Assign the result.
 */
export function appended<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}
