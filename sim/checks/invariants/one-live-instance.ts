import type { Violation } from '../../trace/trace-file.js';
import { TraceReplay } from '../replay.js';
import { violation, type Invariant } from './types.js';

export const oneLiveInstance: Invariant = {
  id: 'one-live-instance',
  statement: 'A component never has two live instances: it starts only from stopped.',
  rule: 'model',
  kind: 'safety',
  check(records) {
    const replay = new TraceReplay();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'state' && r.to === 'starting' && replay.isAlive(r.component)) {
        out.push(violation(this, `${r.component} started again while an instance was ${replay.stateOf(r.component)}`, r.seq));
      }
      replay.apply(r);
    }
    return out;
  },
};
