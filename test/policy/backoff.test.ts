import { describe, expect, test } from 'vitest';
import { backoffDelayUs, crashLoopDelayUs, crashLoopPosition, minixBackoffPeriods, systemdStepDelayUs, withJitterUs } from '../../sim/policy/backoff.js';
import type { Backoff, PolicyHistory } from '../../sim/policy/types.js';
import { S } from './context.js';

/** Feeds a crash loop through a backoff: each crash `runUs` after the restart before it. Returns the delays in seconds. */
function loop(backoff: Backoff, baseUs: number, crashes: number, runUs = 200_000, firstAtUs = 5 * S): number[] {
  const history: { startsUs: number[]; failuresUs: number[]; restartsUs: number[] } = { startsUs: [0], failuresUs: [], restartsUs: [] };
  const delays: number[] = [];
  let now = firstAtUs;
  for (let i = 0; i < crashes; i++) {
    history.failuresUs.push(now);
    const ranForUs = now - history.startsUs.at(-1)!;
    const delay = backoffDelayUs(backoff, baseUs, { nowUs: now, history: history as PolicyHistory, ranForUs });
    delays.push(delay / S);
    now += delay;
    history.restartsUs.push(now);
    history.startsUs.push(now);
    now += runUs;
  }
  return delays;
}

describe('systemd RestartSteps= / RestartMaxDelaySec=', () => {
  test('10 s, 4 steps, 160 s gives 10, 20, 40, 80, 160, 160', () => {
    expect(loop({ kind: 'steps', steps: 4, maxDelayUs: 160 * S }, 10 * S, 6)).toEqual([10, 20, 40, 80, 160, 160]);
  });
  test('the formula of service_restart_usec_next() between the ends', () => {
    // 100 ms to 10 s in 2 steps: 100 ms, 1 s, 10 s.
    expect([1, 2, 3, 4].map((n) => systemdStepDelayUs(100_000, 2, 10 * S, n))).toEqual([100_000, 1 * S, 10 * S, 10 * S]);
  });
  test('without steps, or with a max not above RestartSec, the delay stays RestartSec', () => {
    expect(systemdStepDelayUs(5 * S, 0, 60 * S, 7)).toBe(5 * S);
    expect(systemdStepDelayUs(5 * S, 3, 5 * S, 7)).toBe(5 * S);
  });
});

describe('Kubernetes CrashLoopBackOff', () => {
  const crashloop: Backoff = { kind: 'crashloop', initialUs: 10 * S, maxUs: 300 * S, resetAfterUs: 600 * S };
  test('at once, then 10 s doubling to a 300 s cap', () => {
    expect(loop(crashloop, 0, 9)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
  });
  test('resets after 10 minutes running', () => {
    const history: PolicyHistory = { startsUs: [0, 5 * S, 15 * S], failuresUs: [5 * S, 15 * S], restartsUs: [5 * S, 15 * S] };
    const nowUs = 15 * S + 600 * S;
    expect(crashLoopPosition({ nowUs, history, ranForUs: 600 * S }, 600 * S)).toBe(0);
    expect(crashLoopPosition({ nowUs: 15 * S + 599 * S, history, ranForUs: 599 * S }, 600 * S)).toBe(2);
  });
  test('the delay for each position', () => {
    expect([0, 1, 2, 5, 6, 60].map((p) => crashLoopDelayUs(p, 10 * S, 300 * S) / S)).toEqual([0, 10, 20, 160, 300, 300]);
  });
});

describe('MINIX 3 reincarnation server', () => {
  test('restarts at once, then 2^n periods, capped at 30', () => {
    expect(loop({ kind: 'minix', periodUs: S, capPeriods: 30 }, 0, 8)).toEqual([0, 2, 4, 8, 16, 30, 30, 30]);
    expect([0, 1, 4, 5, 100].map((n) => minixBackoffPeriods(n, 30))).toEqual([0, 2, 16, 30, 30]);
  });
});

describe('Android init restart_period', () => {
  test('restarted at its last start plus 5 s; at once if that has passed', () => {
    const b: Backoff = { kind: 'restart-period', periodUs: 5 * S };
    const history: PolicyHistory = { startsUs: [10 * S], failuresUs: [], restartsUs: [] };
    expect(backoffDelayUs(b, 0, { nowUs: 12 * S, history, ranForUs: 2 * S })).toBe(3 * S);
    expect(backoffDelayUs(b, 0, { nowUs: 20 * S, history, ranForUs: 10 * S })).toBe(0);
  });
});

describe('jitter', () => {
  test('adds at most the given fraction, from the stream it is given', () => {
    expect(withJitterUs(10 * S, 0.5, () => 0)).toBe(10 * S);
    expect(withJitterUs(10 * S, 0.5, () => 0.999)).toBe(10 * S + Math.floor(10 * S * 0.5 * 0.999));
    expect(withJitterUs(0, 0.5, () => 0.7)).toBe(0);
    expect(withJitterUs(10 * S, undefined, () => 0.7)).toBe(10 * S);
  });
});
