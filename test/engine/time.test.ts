import { expect, test } from 'vitest';
import { formatDuration, parseDuration } from '../../sim/engine/time.js';

test.each([
  ['50ms', 50_000],
  ['3s', 3_000_000],
  ['1.5s', 1_500_000],
  ['10min', 600_000_000],
  ['2h', 7_200_000_000],
  ['250us', 250],
])('parseDuration(%s) = %d µs', (text, us) => {
  expect(parseDuration(text)).toBe(us);
});

test.each(['50', 'ms', '3 sec', '-1s', ''])('parseDuration rejects %j with a hint', (text) => {
  expect(parseDuration(text)).toEqual({ error: expect.stringContaining('not a duration') });
});

test.each([
  [0, '0s'],
  [50_000, '50ms'],
  [1_500_000, '1.5s'],
  [600_000_000, '10min'],
  [7_200_000_000, '2h'],
  [1, '1us'],
])('formatDuration(%d) = %s', (us, text) => {
  expect(formatDuration(us)).toBe(text);
});
