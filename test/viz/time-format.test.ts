import { describe, expect, it } from 'vitest';
import { formatCount, formatInstant, formatSpan, roundToZoom } from '../../viz/src/layout/time-format.js';
import { tickStep, timeTicks } from '../../viz/src/layout/time-ticks.js';
import { formatBytes } from '../../sim/format/format-bytes.js';

const S = 1_000_000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('instants', () => {
  it('are exact to the µs, in hours, minutes and seconds', () => {
    expect(formatInstant(0)).toBe('0s');
    expect(formatInstant(30 * S)).toBe('30s');
    expect(formatInstant(30 * S + 500)).toBe('30.0005s');
    expect(formatInstant(3 * H + 29 * MIN + 17.3 * S)).toBe('3h 29min 17.3s');
    expect(formatInstant(80_000 * S)).toBe('22h 13min 20s');
    expect(formatInstant(2 * MIN)).toBe('2min');
  });

  it('keep an inner zero unit so a column of times lines up', () => {
    expect(formatInstant(H + 0.5 * S)).toBe('1h 0min 0.5s');
    expect(formatInstant(H)).toBe('1h');
  });
});

describe('spans', () => {
  it('are rounded to two units from a minute up', () => {
    expect(formatSpan(80_000 * S)).toBe('22h 13min');
    expect(formatSpan(90 * S)).toBe('1min 30s');
    expect(formatSpan(59 * MIN + 59.7 * S)).toBe('1h');
    expect(formatSpan(2 * H)).toBe('2h');
  });

  it('have three significant digits below a minute', () => {
    expect(formatSpan(1_500_000)).toBe('1.5s');
    expect(formatSpan(17_345_000)).toBe('17.3s');
    expect(formatSpan(2_500)).toBe('2.5ms');
    expect(formatSpan(7)).toBe('7µs');
    expect(formatSpan(0)).toBe('0s');
  });
});

describe('counts and bytes', () => {
  it('group thousands', () => {
    expect(formatCount(200_464)).toBe('200,464');
    expect(formatCount(12)).toBe('12');
  });

  it('print bytes as the CLI does', () => {
    expect(formatBytes(29_100_000)).toBe('29.1 MB');
    expect(formatBytes(4096)).toBe('4.1 KB');
    expect(formatBytes(12)).toBe('12 B');
  });
});

describe('axis ticks', () => {
  it('step in the unit that fits the window', () => {
    expect(tickStep(0, 24 * H, 10)).toBe(3 * H);
    expect(tickStep(0, H, 10)).toBe(10 * MIN);
    expect(tickStep(0, 60 * S, 10)).toBe(10 * S);
    expect(tickStep(0, 10_000, 10)).toBe(1000);
  });

  it('label a day in hours, not in tens of thousands of seconds', () => {
    const { labels, prefix } = timeTicks(0, 24 * H, 8);
    expect(labels).toEqual(['0s', '3h', '6h', '9h', '12h', '15h', '18h', '21h', '24h']);
    expect(prefix).toBe('');
  });

  it('label minutes within hours', () => {
    expect(timeTicks(3 * H, 3 * H + 30 * MIN, 4).labels).toEqual(['3h', '3h 10min', '3h 20min', '3h 30min']);
  });

  it('put the shared hours and minutes in front when the window is seconds wide', () => {
    const at = 3 * H + 29 * MIN + 17 * S;
    const ticks = timeTicks(at, at + 400_000, 5);
    expect(ticks.prefix).toBe('3h 29min +');
    expect(ticks.labels).toEqual(['17.0s', '17.1s', '17.2s', '17.3s', '17.4s']);
  });

  it('write whole times when the window spans minutes', () => {
    expect(timeTicks(59 * S, 61 * S, 4).labels).toEqual(['59s', '59.5s', '1min', '1min 0.5s', '1min 1s']);
  });
});

describe('an instant pointed at', () => {
  it('is rounded to what a pixel tells at the zoom', () => {
    // A day over 1,000 px: 86.4 s a pixel, rounded to 50 s steps.
    expect(formatInstant(roundToZoom(37_439_999_903, 86_400_000))).toBe('10h 24min 10s');
    // 10 ms over 1,000 px: 10 µs a pixel.
    expect(formatInstant(roundToZoom(30_001_234.7, 10))).toBe('30.00123s');
    expect(roundToZoom(1234.6, 0.5)).toBe(1235);
  });
});
