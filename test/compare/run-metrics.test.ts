import { describe, expect, test } from 'vitest';
import { addRun, emptyAccumulator, mergeAccumulators } from '../../sim/compare/accumulator.js';
import { nearestRank, runMetrics } from '../../sim/compare/run-metrics.js';
import { estimate, tQuantile95 } from '../../sim/compare/stats.js';
import { summarise } from '../../sim/checks/summary.js';
import type { Scenario } from '../../sim/scenario/types.js';
import type { LifecycleState, PowerState, TraceRecord } from '../../sim/trace/records.js';
import type { Violation } from '../../sim/trace/trace-file.js';

const S = 1_000_000;
let seq = 0;
const state = (t: number, component: string, from: LifecycleState, to: LifecycleState): TraceRecord => ({ t: t * S, seq: seq++, type: 'state', component, from, to });
const power = (t: number, from: PowerState, to: PowerState): TraceRecord => ({ t: t * S, seq: seq++, type: 'power', from, to });
/** The run's summary as the simulator writes it, so the counts come from the one place that counts them. */
const summaryOf = (records: TraceRecord[], names: string[], endS: number, outcome: 'completed' | 'event-budget-exhausted', violations: number) =>
  summarise({ name: 't', components: names.map((name) => ({ name })) } as unknown as Scenario, 1, records,
    { outcome, endUs: endS * S, events: 0 }, Array.from({ length: violations }, (): Violation => ({ invariant: 'x', message: 'x', kind: 'safety' })));
const crash = (t: number, component: string): TraceRecord => ({ t: t * S, seq: seq++, type: 'terminated', component, termination: { kind: 'exit', exitCode: 1 }, graceful: false });

describe('run metrics from records', () => {
  const records: TraceRecord[] = [
    state(0, 'a', 'stopped', 'starting'), state(0, 'b', 'stopped', 'starting'),
    state(1, 'a', 'starting', 'running'), state(1, 'b', 'starting', 'running'), power(1, 'booting', 'up'),
    crash(10, 'a'), state(10, 'a', 'running', 'stopped'), state(12, 'a', 'starting', 'running'),
    crash(20, 'b'), state(20, 'b', 'running', 'stopped'),
    { t: 30 * S, seq: seq++, type: 'restart', component: 'a', attempt: 1 },
    { t: 40 * S, seq: seq++, type: 'requests-lost', component: 'a', count: 3 },
    { t: 40 * S, seq: seq++, type: 'data-lost', component: 'a', bytes: 500 },
    { t: 50 * S, seq: seq++, type: 'shutdown-started', mode: 'graceful', reason: 'x' },
    power(50, 'up', 'shutting-down'), state(50, 'a', 'running', 'stopping'), state(51, 'a', 'stopping', 'stopped'),
    power(51, 'shutting-down', 'rebooting'), power(52, 'rebooting', 'booting'), state(52, 'a', 'stopped', 'starting'),
    state(53, 'a', 'starting', 'running'), power(53, 'booting', 'up'),
  ];
  const m = runMetrics(records, ['a', 'b'], summaryOf(records, ['a', 'b'], 100, 'completed', 2));
  test('running time per component', () => {
    expect(m.runningUs).toEqual([(9 + 38 + 47) * S, 19 * S]);
  });
  test('downtime after the first boot only', () => {
    expect(m.downtimeUs).toBe(3 * S);
  });
  test('times to recover: a back after 2 s, b never (counted to the end: 80 s)', () => {
    expect(m.recoveries).toBe(2);
    expect(m.recoverMedianUs).toBe(2 * S);
    expect(m.recoverP95Us).toBe(80 * S);
  });
  test('counts', () => {
    expect(m).toMatchObject({ gracefulReboots: 1, ungracefulReboots: 0, restarts: 1, lostRequests: 3, lostDataBytes: 500, violations: 2 });
  });
  test('a system that never comes up is down for the whole run', () => {
    const records = [state(0, 'a', 'stopped', 'starting')];
    expect(runMetrics(records, ['a'], summaryOf(records, ['a'], 9, 'event-budget-exhausted', 0)).downtimeUs).toBe(9 * S);
  });
  test('nearest rank', () => {
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 95)).toBe(4);
    expect(nearestRank([7], 95)).toBe(7);
  });
});

describe('sums and confidence intervals', () => {
  test('mean and t interval of 2, 4, 6', () => {
    const acc = emptyAccumulator('p', 0);
    for (const v of [2, 4, 6]) addRun(acc, { runningUs: [], servingUs: [], downtimeUs: v, gracefulReboots: 0, ungracefulReboots: 0, restarts: 0, lostRequests: 0, refusedRequests: 0, delayedRequests: 0, lostDataBytes: 0, violations: 0, recoveries: 0, budgetExhausted: false });
    const e = estimate(acc.metrics.downtimeUs)!;
    expect(e.mean).toBe(4);
    expect(e.halfWidth).toBeCloseTo(tQuantile95(2) * Math.sqrt(4 / 3), 12);
    expect(estimate(acc.metrics.recoverMedianUs)).toBeUndefined();
  });
  test('merging is exact and order-free', () => {
    const runs = [5, 1e12, 3, 77].map((v) => ({ runningUs: [v], servingUs: [v], downtimeUs: v, gracefulReboots: 1, ungracefulReboots: 0, restarts: v % 3, lostRequests: 0, refusedRequests: v, delayedRequests: 0, lostDataBytes: v, violations: 0, recoveries: 0, budgetExhausted: false }));
    const one = emptyAccumulator('p', 1);
    runs.forEach((r) => addRun(one, r));
    const a = emptyAccumulator('p', 1);
    const b = emptyAccumulator('p', 1);
    [runs[3]!, runs[0]!].forEach((r) => addRun(a, r));
    [runs[2]!, runs[1]!].forEach((r) => addRun(b, r));
    expect(mergeAccumulators(b, a)).toEqual(one);
  });
});
