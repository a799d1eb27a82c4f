import { violation, type Invariant, replayFor } from './types.js';

export const oneLiveInstance: Invariant = {
  id: 'one-live-instance',
  statement: 'A component never has two live instances: it starts only from stopped.',
  rule: 'model',
  kind: 'safety',
  watches: ['state:starting'],
  observe(scenario, shared) {
    const { replay, own } = replayFor(scenario, shared);
    return {
      onRecord(r) {
        const out = r.type === 'state' && r.to === 'starting' && replay.isAlive(r.component)
          ? [violation(oneLiveInstance, `${r.component} started again while an instance was ${replay.stateOf(r.component)}`, r.seq)]
          : undefined;
        if (own) replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => replay.size,
    };
  },
};
