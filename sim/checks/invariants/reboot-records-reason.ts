import { violation, type Invariant } from './types.js';

const CULPRIT_REASONS = new Set(['critical-component-failure', 'critical-process-failure']);

export const rebootRecordsReason: Invariant = {
  id: 'reboot-records-reason',
  statement: 'Every reboot (shutdown or panic) records a reason, and a reboot for a critical failure names its culprit.',
  rule: 'F11',
  kind: 'safety',
  watches: ['shutdown-started', 'panic'],
  observe() {
    return {
      onRecord(r) {
        if (r.type !== 'shutdown-started' && r.type !== 'panic') return undefined;
        if (!r.reason) return [violation(rebootRecordsReason, `${r.type} without a reason`, r.seq)];
        if (CULPRIT_REASONS.has(r.reason) && !r.culprit) return [violation(rebootRecordsReason, `${r.type} for ${r.reason} names no culprit`, r.seq)];
        return undefined;
      },
      finish: () => [],
      retained: () => 0,
    };
  },
};
