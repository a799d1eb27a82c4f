import { isAllowlisted } from '../../scenario/realm.js';
import { QUIET_OBSERVER, violation, type Invariant } from './types.js';

export const disallowedFailsToStart: Invariant = {
  id: 'disallowed-fails-to-start',
  statement: 'A component with on_terminate: reboot outside the allowlist never runs: it fails to start with a policy error.',
  rule: 'F4',
  kind: 'safety',
  watches: ['state:running'],
  observe(scenario) {
    const rot = scenario.system.rebootOnTerminate;
    if (!rot.enabled) return QUIET_OBSERVER; // F5: the feature, and so its allowlist check, is off.
    const disallowed = new Set(scenario.components.filter((c) => c.onTerminate === 'reboot' && !isAllowlisted(c.name, rot.allowlist)).map((c) => c.name));
    if (disallowed.size === 0) return QUIET_OBSERVER;
    return {
      onRecord(r) {
        if (r.type === 'state' && r.to === 'running' && disallowed.has(r.component)) {
          return [violation(disallowedFailsToStart, `${r.component} sets on_terminate: reboot, is not allowlisted, and still reached running`, r.seq)];
        }
        return undefined;
      },
      finish: () => [],
      // The set is the scenario's, fixed before the first record.
      retained: () => 0,
    };
  },
};
