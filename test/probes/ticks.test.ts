import { describe, expect, test } from 'vitest';
import { firstTickThatMattersUs, successChangesNothing, tickOutcome, type ProbeTarget } from '../../sim/probes/ticks.js';
import { freshProbeStatus, PROBE_DEFAULTS, type ProbeStatus } from '../../sim/probes/types.js';

const S = 1_000_000;

function target(over: Partial<ProbeTarget> & { status?: ProbeStatus }, process: Partial<NonNullable<ProbeTarget['process']>> = {}): ProbeTarget {
  const spec = { ...PROBE_DEFAULTS, periodUs: 10 * S, initialDelayUs: 0 };
  return { kind: 'liveness', spec, status: freshProbeStatus({ liveness: spec }, 1), process: { hung: false, startedAtUs: 0, warmupUs: 0, generation: 1, ...process }, ...over };
}

const afterSuccess = (status: ProbeStatus): ProbeStatus => ({ ...status, runs: { ...status.runs, liveness: { last: 'success', run: 1 } } });

describe('what one tick does (worker.go doProbe)', () => {
  test('skips before InitialDelaySeconds, counted in whole seconds since the start', () => {
    const t = target({ spec: { ...PROBE_DEFAULTS, initialDelayUs: 1_500_000 } }, { startedAtUs: 100_000 });
    // At 2.05 s, 1.95 s since the start counts as 1 s: below 1.5 s, skipped; at 2.15 s, 2 s: probed.
    expect(tickOutcome(t, 2_050_000)).toBe('skip');
    expect(tickOutcome(t, 2_150_000)).toBe('success');
  });

  test('fails while not listening and while hung, succeeds once listening', () => {
    expect(tickOutcome(target({}, { warmupUs: 12 * S }), 10 * S)).toBe('failure');
    expect(tickOutcome(target({}, { warmupUs: 12 * S }), 20 * S)).toBe('success');
    expect(tickOutcome(target({}, { hung: true }), 20 * S)).toBe('failure');
    expect(tickOutcome(target({ process: undefined }), 20 * S)).toBe('skip');
  });
});

describe('the next tick that can do something', () => {
  test('none while nothing can be probed, or while successes change nothing', () => {
    expect(firstTickThatMattersUs(target({ process: undefined }), 10 * S)).toBe(Infinity);
    const steady = target({ status: afterSuccess(freshProbeStatus({ liveness: PROBE_DEFAULTS }, 1)) });
    expect(firstTickThatMattersUs(steady, 10 * S)).toBe(Infinity);
  });

  test('the first probed tick when its result counts: a first success, a refusal, a hang', () => {
    const fresh = target({ spec: { ...PROBE_DEFAULTS, periodUs: 10 * S, initialDelayUs: 25 * S } }, { startedAtUs: 2 * S });
    // Probed from 27 s on: the grid's 30 s tick.
    expect(firstTickThatMattersUs(fresh, 10 * S)).toBe(30 * S);
    const warming = target({ status: afterSuccess(freshProbeStatus({ liveness: PROBE_DEFAULTS }, 1)) }, { warmupUs: 35 * S });
    expect(firstTickThatMattersUs(warming, 10 * S)).toBe(10 * S);
    const hung = target({ status: afterSuccess(freshProbeStatus({ liveness: PROBE_DEFAULTS }, 1)) }, { hung: true });
    expect(firstTickThatMattersUs(hung, 10 * S)).toBe(10 * S);
  });

  test("readiness counts successes until it is ready; the startup probe's success always counts", () => {
    const status = freshProbeStatus({ readiness: PROBE_DEFAULTS, startup: PROBE_DEFAULTS }, 1);
    const counting = { ...status, runs: { ...status.runs, readiness: { last: 'success' as const, run: 1 } } };
    expect(successChangesNothing(counting, 'readiness')).toBe(false);
    expect(successChangesNothing({ ...counting, ready: true }, 'readiness')).toBe(true);
    expect(successChangesNothing({ ...counting, runs: { ...counting.runs, startup: { last: 'success', run: 1 } } }, 'startup')).toBe(false);
  });
});
