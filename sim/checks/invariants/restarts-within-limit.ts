import type { Violation } from '../../trace/trace-file.js';
import { recordIndex } from './record-index.js';
import { violation, type Invariant } from './types.js';

/**
 * Counts the restarts a component's own monitor decided (a `restart` record
 * caused by a decision about that component); resumes after a dependency or a
 * group strategy took it down are the strategy's, not the policy's. A
 * component whose policy is overridden at run time (R2) is not judged.
 */
export const restartsWithinLimit: Invariant = {
  id: 'restarts-within-limit',
  statement: "A component's monitor restarts it at most max_restarts times per boot.",
  rule: 'R2, A',
  kind: 'safety',
  check(records, scenario) {
    const limit = new Map(scenario.components.map((c) => [c.name, c.policy.maxRestarts]));
    const at = recordIndex(records);
    const restarts = new Map<string, number>();
    const overridden = new Set<string>();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'boot-started') {
        restarts.clear();
        overridden.clear();
      } else if (r.type === 'fault' && r.fault === 'override' && r.component !== undefined) overridden.add(r.component);
      else if (r.type === 'restart') {
        const decision = at(r.cause);
        if (decision?.type !== 'decision' || decision.component !== r.component) continue;
        const n = (restarts.get(r.component) ?? 0) + 1;
        restarts.set(r.component, n);
        const max = limit.get(r.component) ?? Infinity;
        if (n === max + 1 && !overridden.has(r.component)) out.push(violation(this, `${r.component} restarted ${n} times in one boot, over its limit of ${max}`, r.seq));
      }
    }
    return out;
  },
};
