import type { Micros } from '../engine/time.js';
import { HISTORY_MAX } from '../policy/types.js';
import { emptyList } from './shared-empty.js';

/**
 * A component's history since boot (starts, failures, restarts, ends), kept
 * the way shared-empty.ts keeps lists: a component that has been through
 * nothing shares one history of four shared empty lists, and a history
 * object is never changed in place (a list that gets its first instant
 * gives its component a new history object). So a boot of a million
 * components makes a million histories with one start each, not four
 * million lists.
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

/** Appends an instant to one of a component's history lists, bounded (oldest dropped first). */
export function remember(component: { history: History }, list: keyof History, atUs: Micros): void {
  const history = component.history;
  const instants = history[list];
  if (instants.length === 0) {
    component.history = withList(history, list, [atUs]);
    return;
  }
  instants.push(atUs);
  if (instants.length > HISTORY_MAX) instants.shift();
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
