import { TraceReplay } from '../replay.js';
import { violation, type Invariant } from './types.js';

export const oneLiveInstance: Invariant = {
  id: 'one-live-instance',
  statement: 'A component never has two live instances: it starts only from stopped.',
  rule: 'model',
  kind: 'safety',
  watches: ['state'],
  observe(scenario) {
    const replay = new TraceReplay(scenario.components);
    return {
      onRecord(r) {
        const out = r.type === 'state' && r.to === 'starting' && replay.isAlive(r.component)
          ? [violation(oneLiveInstance, `${r.component} started again while an instance was ${replay.stateOf(r.component)}`, r.seq)]
          : undefined;
        replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => replay.size,
    };
  },
};
