import type { Violation } from '../../trace/trace-file.js';
import { recordIndex } from './record-index.js';
import { violation, type Invariant } from './types.js';

/** How far back a reboot request's causes are followed to find the termination behind it. */
const CAUSE_HOPS_MAX = 8;

/**
 * A termination is a destruction's when the component was asked to stop for
 * `destroy` and ended before starting again. A reboot request whose cause
 * chain leads to such a termination breaks F2; a reboot for an earlier crash
 * of a component destroyed since (a Stopped event delivered late) does not.
 */
export const noRebootOnDestroy: Invariant = {
  id: 'no-reboot-on-destroy',
  statement: 'A component stopped because it is destroyed (DestroyChild, a transient collection) never brings a reboot.',
  rule: 'F2',
  kind: 'safety',
  check(records) {
    const at = recordIndex(records);
    const destroying = new Set<string>();
    const destroyEnded = new Set<number>();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'stop-requested' && r.reason === 'destroy') destroying.add(r.component);
      else if (r.type === 'state' && r.to === 'starting') destroying.delete(r.component);
      else if (r.type === 'terminated' && destroying.has(r.component)) {
        destroyEnded.add(r.seq);
        destroying.delete(r.component);
      } else if (r.type === 'reboot-requested' && r.by !== 'user' && destroyEnded.size > 0) {
        // A fault is a root cause: a fault triggered by the destruction is the scenario's, not the policy's.
        let cause = at(r.cause);
        for (let hop = 0; cause && hop < CAUSE_HOPS_MAX && cause.type !== 'terminated' && cause.type !== 'fault'; hop++) cause = at(cause.cause);
        if (cause?.type === 'terminated' && destroyEnded.has(cause.seq)) {
          out.push(violation(this, `reboot requested for ${r.component ?? cause.component}, whose termination (seq ${cause.seq}) was its destruction`, r.seq));
        }
      }
    }
    return out;
  },
};
