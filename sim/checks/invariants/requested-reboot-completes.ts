import { US_PER_S } from '../../engine/time.js';
import { rebootBoundUs } from './bounds.js';
import { violation, type Invariant } from './types.js';

/** Judged once per run: the first reboot that misses its bound is the one to look at. */
export const requestedRebootCompletes: Invariant = {
  id: 'requested-reboot-completes',
  statement: 'A reboot, once requested (or a panic), completes within the bound: a boot starts afterwards, or the device reaches the reboot target it was sent to (Android\'s bootloader).',
  rule: 'F7, F8',
  kind: 'liveness',
  watches: ['boot-started', 'reboot-requested', 'panic', 'run-ended'],
  observe(scenario) {
    const inv = requestedRebootCompletes;
    const boundUs = rebootBoundUs(scenario);
    let pending: { seq: number; t: number } | undefined;
    let broken = false;
    let endUs = 0;
    return {
      onRecord(r) {
        endUs = r.t;
        if (broken) return undefined;
        if (r.type === 'boot-started') {
          if (pending && r.t > pending.t + boundUs) {
            broken = true;
            return [violation(inv, `reboot requested at seq ${pending.seq} took ${(r.t - pending.t) / US_PER_S}s, over the ${boundUs / US_PER_S}s bound`, pending.seq)];
          }
          pending = undefined;
        } else if (r.type === 'panic' && r.target !== undefined) {
          // A reset into a reboot target (service.cpp: "Aborts into `fatal_reboot_target_'") completes
          // there: the device sits in the bootloader by design, and no boot is owed.
          pending = undefined;
        } else if ((r.type === 'reboot-requested' || r.type === 'panic') && !pending) pending = { seq: r.seq, t: r.t };
        return undefined;
      },
      finish() {
        if (!broken && pending && pending.t + boundUs <= endUs) return [violation(inv, `reboot requested at seq ${pending.seq} never completed`, pending.seq)];
        return [];
      },
      retained: () => (pending ? 1 : 0),
    };
  },
};
