import { isAllowlisted } from '../../scenario/realm.js';
import { violation, type Invariant } from './types.js';

export const rebootOnlyFromAllowlist: Invariant = {
  id: 'reboot-only-from-allowlist',
  statement: 'No reboot is requested on behalf of a component outside the reboot_on_terminate allowlist.',
  rule: 'F4',
  kind: 'safety',
  watches: ['reboot-requested'],
  observe(scenario) {
    const allowlist = scenario.system.rebootOnTerminate.allowlist;
    return {
      onRecord(r) {
        if (r.type === 'reboot-requested' && r.by === 'component_manager' && r.component !== undefined && !isAllowlisted(r.component, allowlist)) {
          return [violation(rebootOnlyFromAllowlist, `reboot requested for ${r.component}, which is not allowlisted`, r.seq)];
        }
        return undefined;
      },
      finish: () => [],
      retained: () => 0,
    };
  },
};
