import type { Micros } from '../engine/time.js';
import { HISTORY_MAX } from '../policy/types.js';
import { emptyList } from './shared-empty.js';

/**
 * A component's history since boot (starts, failures, restarts, ends), kept
 * the way shared-empty.ts keeps lists. A component that has been through
 * nothing shares one history of four shared empty lists; one that has only
 * started, once, shares the history of every component started at the same
 * instant (`SharedHistories`: a boot starts a tree of a million components in
 * a few instants, one per level). The rules that keep sharing safe, in the
 * state and in a `structuredClone` of it (a fork), where shared objects stay
 * shared but are no longer frozen: a history object is never changed in place
 * (a list that changes from empty, or from one instant, gives its component a
 * new history object and a new list); a list of two instants or more belongs
 * to one component and is pushed onto. A first instant makes a list of one
 * element, not a push onto an empty list (V8 gives that one 17 slots, 152
 * bytes: JSObject::NewElementsCapacity, src/objects/js-objects-inl.h).
 */
/** What a component went through since boot, each list at most HISTORY_MAX instants, oldest first. */
export interface History {
  startsUs: Micros[];
  failuresUs: Micros[];
  restartsUs: Micros[];
  endsUs: Micros[];
}

/** The history of every component that has been through nothing since boot. */
export const NO_HISTORY: History = Object.freeze({ startsUs: emptyList<Micros>(), failuresUs: emptyList<Micros>(), restartsUs: emptyList<Micros>(), endsUs: emptyList<Micros>() });

/** The histories of components that have only started, once: one per instant, the last one made kept (starts come in bursts at one instant). */
export class SharedHistories {
  private last: History | undefined;

  startedOnceAt(atUs: Micros): History {
    if (this.last === undefined || this.last.startsUs[0] !== atUs) {
      this.last = Object.freeze({ startsUs: Object.freeze([atUs]) as Micros[], failuresUs: emptyList<Micros>(), restartsUs: emptyList<Micros>(), endsUs: emptyList<Micros>() });
    }
    return this.last;
  }
}

/**
 * Appends an instant to one of a component's history lists, bounded (oldest
 * dropped first). `shared`: where a first start takes a history shared with
 * the components started at the same instant.
 */
export function remember(component: { history: History }, list: keyof History, atUs: Micros, shared?: SharedHistories): void {
  const history = component.history;
  const instants = history[list];
  if (instants.length <= 1) {
    if (shared !== undefined && list === 'startsUs' && isEmpty(history)) component.history = shared.startedOnceAt(atUs);
    else component.history = withList(history, list, instants.length === 0 ? [atUs] : [instants[0]!, atUs]);
    return;
  }
  instants.push(atUs);
  if (instants.length > HISTORY_MAX) instants.shift();
}

function isEmpty(history: History): boolean {
  return history.startsUs.length === 0 && history.failuresUs.length === 0 && history.restartsUs.length === 0 && history.endsUs.length === 0;
}

/** systemctl reset-failed: the start-limit counter (the starts list) is cleared. */
export function forgetStarts(component: { history: History }): void {
  if (component.history.startsUs.length > 0) component.history = withList(component.history, 'startsUs', emptyList());
}

/** A copy of `history` with `list` replaced, built field by field in one key order (one object shape for every history). */
function withList(history: History, list: keyof History, instants: Micros[]): History {
  return {
    startsUs: list === 'startsUs' ? instants : history.startsUs,
    failuresUs: list === 'failuresUs' ? instants : history.failuresUs,
    restartsUs: list === 'restartsUs' ? instants : history.restartsUs,
    endsUs: list === 'endsUs' ? instants : history.endsUs,
  };
}
