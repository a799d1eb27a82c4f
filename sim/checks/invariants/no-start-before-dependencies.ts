import type { ComponentSpec } from '../../scenario/types.js';
import type { Violation } from '../../trace/trace-file.js';
import { positionsOf } from '../component-positions.js';
import { violation, type Invariant, replayFor } from './types.js';

/** What a component without requisites, orderings or quorums has: one empty list, not one made per start. */
const NONE: readonly string[] = [];
const NONE_QUORUMS: NonNullable<ComponentSpec['quorums']> = [];

export const noStartBeforeDependencies: Invariant = {
  id: 'no-start-before-dependencies',
  statement: 'No component starts while one of its dependencies (or Requisite=) is not running, while fewer than k members of one of its quorums run, or while a unit it is ordered after (After=) is still starting.',
  rule: 'R4',
  kind: 'safety',
  watches: ['state:starting'],
  observe(scenario, shared) {
    // A component's dependencies are read from its spec, found by position (no map of every name: 10^6 at scale).
    const positions = positionsOf(scenario.components);
    // systemd (sim/scenario/edges.ts): Requisite= needs it active; After= only orders, so only a start
    // still under way is a reason to wait; Requires=/Wants= without After= order nothing and are not judged.
    // Maps of the few components that have them, in one walk.
    const quorums = new Map<string, NonNullable<ComponentSpec['quorums']>>();
    const requisite = new Map<string, readonly string[]>();
    const after = new Map<string, readonly string[]>();
    for (let i = 0; i < scenario.components.length; i++) {
      const c = scenario.components[i]!;
      if (c.quorums) quorums.set(c.name, c.quorums);
      if (c.requisite) requisite.set(c.name, c.requisite);
      if (c.after) after.set(c.name, c.after);
    }
    const { replay, own } = replayFor(scenario, shared);
    const notRunning = (names: readonly string[] | undefined, into: string[] | undefined): string[] | undefined => {
      for (const d of names ?? NONE) if (replay.stateOf(d) !== 'running') (into ??= []).push(d);
      return into;
    };
    return {
      onRecord(r) {
        let out: Violation[] | undefined;
        if (r.type === 'state' && r.to === 'starting') {
          // What did not run, gathered only when something did not (a start of a sound run allocates nothing).
          const at = positions.of(r.component);
          let missing = notRunning(at < 0 ? undefined : scenario.components[at]!.depends, undefined);
          missing = notRunning(requisite.get(r.component), missing);
          for (const d of after.get(r.component) ?? NONE) if (replay.stateOf(d) === 'starting') (missing ??= []).push(`${d} (ordered after it, still starting)`);
          for (const q of quorums.get(r.component) ?? NONE_QUORUMS) {
            const up = q.of.filter((m) => replay.stateOf(m) === 'running').length;
            if (up < q.k) (missing ??= []).push(`a quorum of ${q.k} (${up} of ${q.of.join(', ')} running)`);
          }
          if (missing !== undefined) out = [violation(noStartBeforeDependencies, `${r.component} started while ${missing.join(', ')} did not run`, r.seq)];
        }
        if (own) replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => replay.size,
    };
  },
};
