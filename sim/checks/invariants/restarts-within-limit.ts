import { faultCounts } from '../../faults/registry.js';
import { RecentBySlot } from '../recent-by-slot.js';
import { positionsOf } from '../component-positions.js';
import { violation, type Invariant } from './types.js';

/** Decisions remembered per component: a restart is caused by one of its component's last few decisions. */
const DECISIONS_PER_COMPONENT = 4;

/**
 * Counts the restarts a component's own monitor decided (a `restart` record
 * caused by a decision about that component); resumes after a dependency or a
 * group strategy took it down are the strategy's, not the policy's. A
 * component whose policy is overridden at run time (R2) is not judged.
 *
 * This judges the model, not the policy: whatever limit a policy sets, a
 * sound monitor keeps to it, so a violation is a monitor that ignored its
 * own configuration.
 */
export const restartsWithinLimit: Invariant = {
  id: 'restarts-within-limit',
  statement: "A component's monitor restarts it at most max_restarts times per boot.",
  rule: 'R2, A',
  kind: 'safety',
  watches: ['boot-started', 'fault', 'decision', 'restart'],
  observe(scenario) {
    // Read from the spec when a restart needs it, found by position (no map of every name).
    const positions = positionsOf(scenario.components);
    const limitOf = (name: string): number => {
      const at = positions.of(name);
      return at < 0 ? Infinity : (scenario.components[at]!.policy.maxRestarts ?? Infinity);
    };
    const decisions = new RecentBySlot<string>(DECISIONS_PER_COMPONENT);
    const restarts = new Map<string, number>();
    const overridden = new Set<string>();
    return {
      onRecord(r) {
        if (r.type === 'boot-started') {
          restarts.clear();
          overridden.clear();
        } else if (r.type === 'fault' && faultCounts(r.fault).replacesPolicy && r.component !== undefined) overridden.add(r.component);
        else if (r.type === 'decision') decisions.remember(r.component, r.seq, r.component);
        else if (r.type === 'restart') {
          if (decisions.get(r.cause) !== r.component) return undefined;
          const n = (restarts.get(r.component) ?? 0) + 1;
          restarts.set(r.component, n);
          const max = limitOf(r.component);
          if (n === max + 1 && !overridden.has(r.component)) return [violation(restartsWithinLimit, `${r.component} restarted ${n} times in one boot, over its limit of ${max}`, r.seq)];
        }
        return undefined;
      },
      finish: () => [],
      retained: () => decisions.size + restarts.size + overridden.size,
    };
  },
};
