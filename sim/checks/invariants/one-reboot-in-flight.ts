import { violation, type Invariant } from './types.js';

/**
 * A request is in flight from `reboot-requested` until the next boot starts,
 * or until its requester abandons it: a supervisor whose Admin.Reboot call
 * fails has no panic to fall back on (F10), and records a decision `none`
 * caused by the request. A panic may end a reboot in flight (F7's fallback);
 * a second request may not be made while one is.
 */
export const oneRebootInFlight: Invariant = {
  id: 'one-reboot-in-flight',
  statement: 'At most one reboot is in flight: no second reboot request before the next boot starts.',
  rule: 'F6',
  kind: 'safety',
  watches: ['boot-started', 'decision', 'reboot-requested', 'panic'],
  observe() {
    let inFlight: number | undefined;
    return {
      onRecord(r) {
        if (r.type === 'boot-started') inFlight = undefined;
        else if (r.type === 'decision' && r.action === 'none' && inFlight !== undefined && r.cause === inFlight) inFlight = undefined;
        else if (r.type === 'reboot-requested' || r.type === 'panic') {
          const out = inFlight !== undefined && r.type === 'reboot-requested'
            ? [violation(oneRebootInFlight, `second reboot requested while the one at seq ${inFlight} is still in flight`, r.seq)]
            : undefined;
          inFlight ??= r.seq;
          return out;
        }
        return undefined;
      },
      finish: () => [],
      retained: () => (inFlight === undefined ? 0 : 1),
    };
  },
};
