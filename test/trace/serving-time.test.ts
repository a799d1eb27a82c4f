import { describe, expect, test } from 'vitest';
import { ServingClock, servingSpecOf } from '../../sim/trace/serving-time.js';
import type { LifecycleState, TraceRecord } from '../../sim/trace/records.js';

const S = 1_000_000;
let seq = 0;
const state = (t: number, component: string, from: LifecycleState, to: LifecycleState): TraceRecord => ({ t: t * S, seq: seq++, type: 'state', component, from, to });
const readiness = (t: number, component: string, result: 'success' | 'failure', count: number, threshold: number): TraceRecord =>
  ({ t: t * S, seq: seq++, type: 'probe', component, probe: 'readiness', result, count, threshold });

describe('serving time: running, ready and past the warm-up (issue 20 item 10)', () => {
  test('a warm-up is not serving, at every start', () => {
    const clock = new ServingClock([{ name: 'db', warmupUs: 10 * S }]);
    for (const r of [state(0, 'db', 'starting', 'running'), state(30, 'db', 'running', 'stopped'), state(40, 'db', 'starting', 'running'), state(45, 'db', 'running', 'stopped')]) clock.sink(r);
    expect(clock.totals(100 * S)).toEqual({ upUs: [35 * S], servingUs: [20 * S] });
  });
  test('a readiness probe gates serving; a failure at its threshold ends it, one below does not', () => {
    const clock = new ServingClock([{ name: 'db', readinessGated: true }]);
    const records = [
      state(0, 'db', 'starting', 'running'),
      readiness(10, 'db', 'success', 1, 1),
      readiness(20, 'db', 'failure', 1, 3),
      readiness(40, 'db', 'failure', 3, 3),
      readiness(50, 'db', 'success', 1, 1),
    ];
    for (const r of records) clock.sink(r);
    expect(clock.totals(60 * S)).toEqual({ upUs: [60 * S], servingUs: [(30 + 10) * S] });
  });
  test('a name alone serves whenever it runs; the spec comes from the component', () => {
    const clock = new ServingClock(['a']);
    clock.sink(state(1, 'a', 'starting', 'running'));
    expect(clock.totals(5 * S)).toEqual({ upUs: [4 * S], servingUs: [4 * S] });
    expect(servingSpecOf({ name: 'x', warmupUs: 5, probes: { readiness: {} } })).toEqual({ name: 'x', warmupUs: 5, readinessGated: true });
  });
});
