import { describe, expect, test } from 'vitest';
import { intensityExceeded, restartsInWindow, startLimitHit } from '../../sim/policy/rate-limit.js';
import { S } from './context.js';

describe('systemd StartLimitBurst= per StartLimitIntervalSec=', () => {
  test('5 in 10 s: the sixth start within the window is refused', () => {
    const starts = [0, 1.1 * S, 1.4 * S, 1.7 * S, 2.0 * S];
    expect(startLimitHit(starts.slice(0, 4), 2.0 * S, 5, 10 * S)).toBe(false);
    expect(startLimitHit(starts, 2.3 * S, 5, 10 * S)).toBe(true);
  });
  test('the window is fixed, opened by its first start: a start past it opens a new one', () => {
    const starts = [0, 2 * S, 4 * S, 6 * S, 8 * S];
    expect(startLimitHit(starts, 10 * S, 5, 10 * S)).toBe(true); // 10 s after the first: still inside (systemd: "> interval" to leave)
    expect(startLimitHit(starts, 10 * S + 1, 5, 10 * S)).toBe(false);
  });
  test('a new window forgets the old one even if starts were dense at its end', () => {
    const starts = [0, 9 * S, 9.5 * S, 9.8 * S, 9.9 * S, 10.5 * S];
    // 10.5 s opened a new window; 11 s is its second start.
    expect(startLimitHit(starts, 11 * S, 5, 10 * S)).toBe(false);
  });
});

describe('OTP restart intensity', () => {
  test('intensity 3 in 5 s: the fourth restart within the window is too many', () => {
    const t = [1 * S, 2 * S, 3 * S];
    expect(intensityExceeded(t, 3 * S, 3, 5 * S)).toBe(false);
    expect(intensityExceeded([...t, 4 * S], 4 * S, 3, 5 * S)).toBe(true);
  });
  test('the window slides: old restarts drop out', () => {
    const t = [1 * S, 2 * S, 3 * S, 7 * S];
    expect(restartsInWindow(t, 7 * S, 5 * S)).toBe(3); // 2, 3 and 7 (the window is inclusive, like add_restart/3)
    expect(intensityExceeded(t, 7 * S, 3, 5 * S)).toBe(false);
  });
});
