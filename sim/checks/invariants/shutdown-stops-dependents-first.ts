import type { Violation } from '../../trace/trace-file.js';
import { dependentsOf } from '../../scenario/graph.js';
import { violation, type Invariant, replayFor } from './types.js';

export const shutdownStopsDependentsFirst: Invariant = {
  id: 'shutdown-stops-dependents-first',
  statement: 'A shutdown never asks a provider to stop while a component that depends on it is still alive.',
  rule: 'F8, R5',
  kind: 'safety',
  // States it reads from the shared replay.
  watches: ['stop-requested'],
  observe(scenario, shared) {
    // Built at the first stop of a shutdown: a run without one (most, and a 10^6 boot) never needs it (0.3 s at 10^6).
    let dependents: Map<string, string[]> | undefined;
    const { replay, own } = replayFor(scenario, shared);
    return {
      onRecord(r) {
        let out: Violation[] | undefined;
        if (r.type === 'stop-requested' && r.reason === 'shutdown') {
          dependents ??= dependentsOf(scenario.components);
          const alive = (dependents.get(r.component) ?? []).filter((d) => replay.isAlive(d));
          if (alive.length > 0) out = [violation(shutdownStopsDependentsFirst, `${r.component} asked to stop while its dependents ${alive.join(', ')} still run`, r.seq)];
        }
        if (own) replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => replay.size,
    };
  },
};
