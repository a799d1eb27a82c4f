import { describe, expect, test } from 'vitest';
import { androidCrashCount } from '../../sim/policy/android-critical.js';
import { failureCount, ladderAction } from '../../sim/policy/ladder.js';
import type { FailureLadder } from '../../sim/policy/types.js';
import { S } from './context.js';

const MIN = 60 * S;

describe('Windows SCM failure actions', () => {
  const ladder: FailureLadder = { actions: [{ kind: 'restart', delayUs: 60 * S }, { kind: 'restart', delayUs: 120 * S }, { kind: 'reboot' }], resetUs: 24 * 60 * MIN };
  test('first, second, then subsequent failures take their actions', () => {
    expect([1, 2, 3, 4, 9].map((n) => ladderAction(ladder, n).kind)).toEqual(['restart', 'restart', 'reboot', 'reboot', 'reboot']);
    expect(ladderAction(ladder, 2)).toEqual({ kind: 'restart', delayUs: 120 * S });
  });
  test('the count resets after the reset period without failures', () => {
    expect(failureCount([1 * S, 2 * S, 3 * S], 10 * S)).toBe(3);
    expect(failureCount([1 * S, 2 * S, 20 * S], 10 * S)).toBe(1);
    expect(failureCount([1 * S, 2 * S, 20 * S, 21 * S], 10 * S)).toBe(2);
  });
});

describe('Android init critical services', () => {
  const window = 4 * MIN;
  test('more than four exits within four minutes: the fifth counts 5', () => {
    const exits = [5 * MIN, 5 * MIN + 5 * S, 5 * MIN + 10 * S, 5 * MIN + 15 * S, 5 * MIN + 20 * S];
    expect(exits.map((_, i) => androidCrashCount(exits.slice(0, i + 1), 0, window, true))).toEqual([1, 2, 3, 4, 5]);
  });
  test('the window is anchored at the exit that opened it, not sliding', () => {
    const exits = [5 * MIN, 8 * MIN, 8.5 * MIN, 8.9 * MIN, 9.1 * MIN];
    // 9.1 min is past 5 + 4: a new window opens there, count 1, even though four exits happened in the last 4 minutes.
    expect(androidCrashCount(exits, 0, window, true)).toBe(1);
  });
  test('the first window is anchored at boot', () => {
    expect(androidCrashCount([1 * MIN, 2 * MIN, 3 * MIN, 3.5 * MIN, 3.9 * MIN], 0, window, true)).toBe(5);
    expect(androidCrashCount([1 * MIN, 2 * MIN, 3 * MIN, 3.5 * MIN, 4.1 * MIN], 0, window, true)).toBe(1);
  });
  test('before boot completes every exit counts, however spread out', () => {
    const exits = [0, 5 * MIN, 10 * MIN, 15 * MIN, 20 * MIN];
    expect(androidCrashCount(exits, 0, window, false)).toBe(5);
  });
});
