import { US_PER_S } from '../../engine/time.js';
import type { TraceRecord } from '../../trace/records.js';
import { rebootBoundUs, runEndUs } from './bounds.js';
import { violation, type Invariant } from './types.js';

export const requestedRebootCompletes: Invariant = {
  id: 'requested-reboot-completes',
  statement: 'A reboot, once requested (or a panic), completes within the bound: a boot starts afterwards.',
  rule: 'F7, F8',
  kind: 'liveness',
  check(records, scenario) {
    const boundUs = rebootBoundUs(scenario);
    let pending: TraceRecord | undefined;
    for (const r of records) {
      if (r.type === 'boot-started') {
        if (pending && r.t > pending.t + boundUs) {
          return [violation(this, `reboot requested at seq ${pending.seq} took ${(r.t - pending.t) / US_PER_S}s, over the ${boundUs / US_PER_S}s bound`, pending.seq)];
        }
        pending = undefined;
      } else if ((r.type === 'reboot-requested' || r.type === 'panic') && !pending) pending = r;
    }
    if (pending && pending.t + boundUs <= runEndUs(records)) {
      return [violation(this, `reboot requested at seq ${pending.seq} never completed`, pending.seq)];
    }
    return [];
  },
};
