import { describe, expect, it } from 'vitest';
import { TraceReplay } from '../../sim/checks/replay.js';
import type { LifecycleState, TraceRecord } from '../../sim/trace/records.js';

const state = (seq: number, component: string, from: LifecycleState, to: LifecycleState): TraceRecord => ({ t: seq, seq, type: 'state', component, from, to });

describe('TraceReplay', () => {
  const records: TraceRecord[] = [
    state(1, 'a', 'stopped', 'starting'),
    state(2, 'a', 'starting', 'running'),
    state(3, 'ghost', 'stopped', 'starting'),
    { t: 4, seq: 4, type: 'power', from: 'booting', to: 'shutting-down' },
    state(5, 'b', 'stopped', 'failed'),
    state(6, 'a', 'running', 'destroyed'),
  ];

  it('reads the same whether it indexes the scenario\'s components or not, names outside them included', () => {
    const indexed = new TraceReplay([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    const plain = new TraceReplay();
    for (const r of records) {
      indexed.apply(r);
      plain.apply(r);
      for (const name of ['a', 'b', 'c', 'ghost', 'nobody']) expect(indexed.stateOf(name), `${name} after seq ${r.seq}`).toBe(plain.stateOf(name));
    }
    expect(indexed.stateOf('a')).toBe('destroyed');
    expect(indexed.stateOf('c')).toBe('stopped');
    expect(indexed.isShuttingDown()).toBe(true);
    expect([indexed.size, plain.size]).toEqual([3, 3]);
  });

  it('replays of the same components share one index but keep their own states', () => {
    const components = [{ name: 'a' }, { name: 'b' }];
    const one = new TraceReplay(components);
    const other = new TraceReplay(components);
    one.apply(state(1, 'a', 'stopped', 'hung'));
    expect([one.stateOf('a'), other.stateOf('a')]).toEqual(['hung', 'stopped']);
    expect(one.isAlive('a')).toBe(true);
  });
});
