import { isAllowlisted } from '../../scenario/realm.js';
import type { Violation } from '../../trace/trace-file.js';
import { violation, type Invariant } from './types.js';

export const rebootOnlyFromAllowlist: Invariant = {
  id: 'reboot-only-from-allowlist',
  statement: 'No reboot is requested on behalf of a component outside the reboot_on_terminate allowlist.',
  rule: 'F4',
  kind: 'safety',
  check(records, scenario) {
    const allowlist = scenario.system.rebootOnTerminate.allowlist;
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'reboot-requested' && r.by === 'component_manager' && r.component !== undefined && !isAllowlisted(r.component, allowlist)) {
        out.push(violation(this, `reboot requested for ${r.component}, which is not allowlisted`, r.seq));
      }
    }
    return out;
  },
};
