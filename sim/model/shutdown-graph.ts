import type { Scenario } from '../scenario/types.js';
import { IndexLists } from './index-lists.js';

/** F8/R5: for each component, those that must finish stopping before it is asked to, and the reverse. */
export interface ShutdownGraph {
  readonly mustStopFirst: readonly number[];
  readonly stopsBefore: readonly (readonly number[])[];
}

/**
 * F8/R5 from the declarations, as Fuchsia's shutdown job builds it
 * (component_manager src/model/actions/shutdown.rs: the shutdown order is a
 * directed graph of the realm's children built once from the declarations,
 * strong offers and uses making the target a dependent of the source, weak
 * ones ignored; each child is stopped once everything that depends on it has
 * stopped). A provider stops after its dependents, a monitor after the
 * children it supervises. shutdown.rs gives the power manager no place of its
 * own: it is ordered by its offers like any child. recsim keeps it (it drives
 * the shutdown) after everything the declarations allow, that is after
 * everything except what it itself must stop before: its providers (a strong
 * offer such as LogSink from archivist makes archivist one), what those
 * depend on, and their monitors (before this, the power
 * manager stopped last whatever it depended on, and
 * `shutdown-stops-dependents-first` fired). `simultaneous` (a flaw kept on
 * purpose) keeps only the power manager last.
 */
export function shutdownGraph(
  scenario: Scenario,
  dependents: readonly (readonly number[])[],
  childrenOf: readonly (readonly number[])[],
  powerManager: number | undefined,
  shared: IndexLists = new IndexLists(scenario.components.length),
): ShutdownGraph {
  const n = scenario.components.length;
  const ordered = scenario.system.shutdownOrder === 'dependency';
  // Empty and one-element lists are shared (index-lists.ts): at a million components, a million arrays saved.
  const stopsBefore = shared.lists(n);
  const mustStopFirst = new Array<number>(n).fill(0);
  const edge = (first: number, then: number): void => {
    shared.add(stopsBefore, first, then);
    mustStopFirst[then]!++;
  };
  if (ordered) {
    for (let provider = 0; provider < n; provider++) {
      if (dependents[provider]!.length === 0 && childrenOf[provider]!.length === 0) continue;
      const seen = new Set<number>();
      for (const d of [...dependents[provider]!, ...childrenOf[provider]!]) {
        if (seen.has(d)) continue;
        seen.add(d);
        edge(d, provider);
      }
    }
  }
  if (powerManager !== undefined) {
    const outlives = ordered ? reachableFrom(stopsBefore, powerManager) : new Set<number>([powerManager]);
    for (let c = 0; c < n; c++) if (!outlives.has(c) && !stopsBefore[c]!.includes(powerManager)) edge(c, powerManager);
  }
  return { mustStopFirst, stopsBefore: shared.relation(stopsBefore) };
}

/** Everything that stops after `from` by the declared edges (and `from` itself): none of it may wait for `from`'s end in turn. */
function reachableFrom(stopsBefore: readonly (readonly number[])[], from: number): Set<number> {
  const seen = new Set<number>([from]);
  const work = [from];
  while (work.length > 0) {
    for (const next of stopsBefore[work.pop()!]!) {
      if (seen.has(next)) continue;
      seen.add(next);
      work.push(next);
    }
  }
  return seen;
}
