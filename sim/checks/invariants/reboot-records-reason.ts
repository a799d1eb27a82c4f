import type { Violation } from '../../trace/trace-file.js';
import { violation, type Invariant } from './types.js';

const CULPRIT_REASONS = new Set(['critical-component-failure', 'critical-process-failure']);

export const rebootRecordsReason: Invariant = {
  id: 'reboot-records-reason',
  statement: 'Every reboot (shutdown or panic) records a reason, and a reboot for a critical failure names its culprit.',
  rule: 'F11',
  kind: 'safety',
  check(records) {
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type !== 'shutdown-started' && r.type !== 'panic') continue;
      if (!r.reason) out.push(violation(this, `${r.type} without a reason`, r.seq));
      else if (CULPRIT_REASONS.has(r.reason) && !r.culprit) out.push(violation(this, `${r.type} for ${r.reason} names no culprit`, r.seq));
    }
    return out;
  },
};
