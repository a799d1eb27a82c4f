import { describe, expect, it } from 'vitest';
import { formatInstant, formatSpan, formatTick } from '../../viz/src/layout/time-format.js';

describe('time formatting', () => {
  it('labels ticks with as many decimals as the step needs', () => {
    expect(formatTick(30_000_000, 5_000_000)).toBe('30s');
    expect(formatTick(30_500_000, 500_000)).toBe('30.5s');
    expect(formatTick(30_050_000, 50_000)).toBe('30.05s');
    expect(formatTick(30_000_010, 10)).toBe('30.00001s');
  });

  it('prints instants exactly without trailing zeros', () => {
    expect(formatInstant(30_000_000)).toBe('30s');
    expect(formatInstant(30_000_500)).toBe('30.0005s');
    expect(formatInstant(0)).toBe('0s');
  });

  it('prints spans in a readable unit', () => {
    expect(formatSpan(1_500_000)).toBe('1.5s');
    expect(formatSpan(2_500)).toBe('2.5ms');
    expect(formatSpan(7)).toBe('7µs');
    expect(formatSpan(90_000_000)).toBe('1.5min');
  });
});
