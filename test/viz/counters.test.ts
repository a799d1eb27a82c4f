import { describe, expect, it } from 'vitest';
import { columnRange, counterSeries, stepAt, valueAt } from '../../viz/src/layout/counters.js';
import { TraceBuilder } from '../helpers/trace-builder.js';

const S = 1_000_000;

// Two services boot; one crashes, loses requests and data, and is restarted.
const b = new TraceBuilder().bootWith(['a', 'b']);
b.at(10 * S);
b.add({ type: 'state', component: 'a', from: 'running', to: 'stopped' });
b.add({ type: 'requests-lost', component: 'a', count: 3 });
b.add({ type: 'data-lost', component: 'a', bytes: 4096 });
b.at(11 * S);
b.add({ type: 'restart', component: 'a', attempt: 1 });
b.add({ type: 'state', component: 'a', from: 'stopped', to: 'starting' });
b.at(11.5 * S);
b.add({ type: 'state', component: 'a', from: 'starting', to: 'running' });
const trace = b.end();
const counters = counterSeries(trace);
const seqOf = (type: string, t: number): number => trace.find((r) => r.type === type && r.t === t)!.seq;

describe('counter tracks', () => {
  it('count components running over time, one point per instant', () => {
    expect(counters['components-up'].times).toEqual([0, 10 * S, 11.5 * S]);
    expect(counters['components-up'].values).toEqual([2, 1, 2]);
    expect(counters['components-up'].max).toBe(2);
  });

  it('say when the system is up', () => {
    expect(valueAt(counters['system-up'], 0)).toBe(1);
  });

  it('add up restarts and losses', () => {
    expect(valueAt(counters.restarts, 10.9 * S)).toBe(0);
    expect(valueAt(counters.restarts, 11 * S)).toBe(1);
    expect(valueAt(counters['lost-requests'], 20 * S)).toBe(3);
    expect(valueAt(counters['lost-bytes'], 20 * S)).toBe(4096);
  });

  it('keep a dip shorter than a pixel visible in the column that holds it', () => {
    // 20 columns of 1 s: the outage from 10 s to 11.5 s spans columns 10 and 11.
    const { min, max } = columnRange(counters['components-up'], 0, 20 * S, 20 * S, 20);
    expect([...min.slice(9, 13)]).toEqual([2, 1, 1, 2]);
    expect([...max.slice(9, 13)]).toEqual([2, 1, 2, 2]);
    const wide = columnRange(counters['components-up'], 0, 20 * S, 20 * S, 1);
    expect([wide.min[0], wide.max[0]]).toEqual([1, 2]);
  });

  it('are not drawn past their run\'s end', () => {
    const { min } = columnRange(counters['components-up'], 0, 20 * S, 15 * S, 20);
    expect(Number.isNaN(min[16]!)).toBe(true);
    expect(min[14]).toBe(2);
  });

  it('know the record behind each point, which a click on the track selects', () => {
    const up = counters['components-up'];
    expect(up.seqs).toEqual([up.seqs[0], seqOf('state', 10 * S), seqOf('state', 11.5 * S)]);
    // Near a step (within the tolerance): that step, on either side of it.
    expect(up.seqs[stepAt(up, 10.2 * S, 0.5 * S)]).toBe(seqOf('state', 10 * S));
    expect(up.seqs[stepAt(up, 11.3 * S, 0.5 * S)]).toBe(seqOf('state', 11.5 * S));
    // Far from any step: the step in effect there, what made the value what it is.
    expect(up.seqs[stepAt(up, 11.3 * S, 0.1 * S)]).toBe(seqOf('state', 10 * S));
    expect(counters.restarts.seqs[stepAt(counters.restarts, 50 * S, S)]).toBe(seqOf('restart', 11 * S));
    expect(stepAt(counters.restarts, 5 * S, S)).toBe(-1);
  });
});
