import { TraceReplay } from '../replay.js';
import { violation, type Invariant } from './types.js';

export const noRebootDuringShutdown: Invariant = {
  id: 'no-reboot-during-shutdown',
  statement: 'No reboot is requested while the system is shutting down, rebooting or panicking.',
  rule: 'F2',
  kind: 'safety',
  watches: ['reboot-requested', 'power'],
  observe(scenario) {
    const replay = new TraceReplay(scenario.components);
    return {
      onRecord(r) {
        const out = r.type === 'reboot-requested' && replay.isShuttingDown()
          ? [violation(noRebootDuringShutdown, `reboot requested by ${r.by}${r.component ? ` for ${r.component}` : ''} while the system was ${replay.power}`, r.seq)]
          : undefined;
        replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => replay.size,
    };
  },
};
