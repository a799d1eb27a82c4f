import type { Violation } from '../../trace/trace-file.js';
import { TraceReplay } from '../replay.js';
import { recordIndex } from './record-index.js';
import { violation, type Invariant } from './types.js';

/**
 * A component that hangs or ignores its stop request is killed after the stop
 * timeout (F8) and loses what it had not flushed; so does one crashed by a
 * fault in the middle of the shutdown. Those losses are the fault's, not the
 * shutdown's, and are excused; any other loss during a graceful shutdown is not.
 */
export const noDataLostOnGracefulReboot: Invariant = {
  id: 'no-data-lost-on-graceful-reboot',
  statement: 'During a graceful shutdown, no component that honours its stop request loses unflushed data.',
  rule: 'F8',
  kind: 'safety',
  check(records) {
    const at = recordIndex(records);
    const replay = new TraceReplay();
    const misbehaving = new Set<string>();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'fault' && r.component !== undefined && (r.fault === 'hang' || r.fault === 'ignore-stop')) misbehaving.add(r.component);
      else if (r.type === 'state' && r.to === 'starting') misbehaving.delete(r.component);
      else if (r.type === 'data-lost' && replay.power === 'shutting-down') {
        const ended = at(r.cause);
        const byFault = ended?.type === 'terminated' && at(ended.cause)?.type === 'fault';
        if (!byFault && !misbehaving.has(r.component)) {
          out.push(violation(this, `${r.component} lost ${r.bytes} unflushed bytes during a graceful shutdown`, r.seq));
        }
      }
      replay.apply(r);
    }
    return out;
  },
};
