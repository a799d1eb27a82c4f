import { isAllowlisted } from '../../scenario/realm.js';
import type { Violation } from '../../trace/trace-file.js';
import { violation, type Invariant } from './types.js';

export const disallowedFailsToStart: Invariant = {
  id: 'disallowed-fails-to-start',
  statement: 'A component with on_terminate: reboot outside the allowlist never runs: it fails to start with a policy error.',
  rule: 'F4',
  kind: 'safety',
  check(records, scenario) {
    const rot = scenario.system.rebootOnTerminate;
    if (!rot.enabled) return []; // F5: the feature, and so its allowlist check, is off.
    const disallowed = new Set(scenario.components.filter((c) => c.onTerminate === 'reboot' && !isAllowlisted(c.name, rot.allowlist)).map((c) => c.name));
    if (disallowed.size === 0) return [];
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'state' && r.to === 'running' && disallowed.has(r.component)) {
        out.push(violation(this, `${r.component} sets on_terminate: reboot, is not allowlisted, and still reached running`, r.seq));
      }
    }
    return out;
  },
};
