import { TraceReplay } from '../replay.js';
import { violation, type Invariant } from './types.js';

export const noRebootDuringShutdown: Invariant = {
  id: 'no-reboot-during-shutdown',
  statement: 'No reboot is requested while the system is shutting down, rebooting or panicking.',
  rule: 'F2',
  kind: 'safety',
  check(records) {
    const replay = new TraceReplay();
    const out = [];
    for (const r of records) {
      if (r.type === 'reboot-requested' && replay.isShuttingDown()) {
        out.push(violation(this, `reboot requested by ${r.by}${r.component ? ` for ${r.component}` : ''} while the system was ${replay.power}`, r.seq));
      }
      replay.apply(r);
    }
    return out;
  },
};
