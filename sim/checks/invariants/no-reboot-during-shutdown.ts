import { violation, type Invariant, replayFor } from './types.js';

export const noRebootDuringShutdown: Invariant = {
  id: 'no-reboot-during-shutdown',
  statement: 'No reboot is requested while the system is shutting down, rebooting or panicking.',
  rule: 'F2',
  kind: 'safety',
  watches: ['reboot-requested', 'power'],
  observe(scenario, shared) {
    const { replay, own } = replayFor(scenario, shared);
    return {
      onRecord(r) {
        const out = r.type === 'reboot-requested' && replay.isShuttingDown()
          ? [violation(noRebootDuringShutdown, `reboot requested by ${r.by}${r.component ? ` for ${r.component}` : ''} while the system was ${replay.power}`, r.seq)]
          : undefined;
        if (own) replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => replay.size,
    };
  },
};
