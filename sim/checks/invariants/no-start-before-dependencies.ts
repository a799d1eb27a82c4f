import type { Violation } from '../../trace/trace-file.js';
import { positionsOf } from '../component-positions.js';
import { violation, type Invariant, replayFor } from './types.js';

export const noStartBeforeDependencies: Invariant = {
  id: 'no-start-before-dependencies',
  statement: 'No component starts while one of its dependencies (or Requisite=) is not running, while fewer than k members of one of its quorums run, or while a unit it is ordered after (After=) is still starting.',
  rule: 'R4',
  kind: 'safety',
  watches: ['state'],
  observe(scenario, shared) {
    // A component's dependencies are read from its spec, found by position (no map of every name: 10^6 at scale).
    const positions = positionsOf(scenario.components);
    const dependsOf = (name: string): readonly string[] => {
      const at = positions.of(name);
      return at < 0 ? [] : scenario.components[at]!.depends;
    };
    const quorums = new Map(scenario.components.filter((c) => c.quorums).map((c) => [c.name, c.quorums!]));
    // systemd (sim/scenario/edges.ts): Requisite= needs it active; After= only orders, so only a start
    // still under way is a reason to wait; Requires=/Wants= without After= order nothing and are not judged.
    const requisite = new Map(scenario.components.filter((c) => c.requisite).map((c) => [c.name, c.requisite!]));
    const after = new Map(scenario.components.filter((c) => c.after).map((c) => [c.name, c.after!]));
    const { replay, own } = replayFor(scenario, shared);
    return {
      onRecord(r) {
        let out: Violation[] | undefined;
        if (r.type === 'state' && r.to === 'starting') {
          const missing = [...dependsOf(r.component), ...(requisite.get(r.component) ?? [])].filter((d) => replay.stateOf(d) !== 'running');
          for (const d of after.get(r.component) ?? []) if (replay.stateOf(d) === 'starting') missing.push(`${d} (ordered after it, still starting)`);
          for (const q of quorums.get(r.component) ?? []) {
            const up = q.of.filter((m) => replay.stateOf(m) === 'running').length;
            if (up < q.k) missing.push(`a quorum of ${q.k} (${up} of ${q.of.join(', ')} running)`);
          }
          if (missing.length > 0) out = [violation(noStartBeforeDependencies, `${r.component} started while ${missing.join(', ')} did not run`, r.seq)];
        }
        if (own) replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => replay.size,
    };
  },
};
