import { describe, expect, it } from 'vitest';
import { parseValues } from '../../sim/tune/values.js';

describe('--vary values', () => {
  it('a list keeps each value as written', () => {
    expect(parseValues('1s,5s, 30s')).toEqual({ values: ['1s', '5s', '30s'] });
    expect(parseValues('on-failure,always')).toEqual({ values: ['on-failure', 'always'] });
  });

  it('an integer range counts through its ends', () => {
    expect(parseValues('1..5')).toEqual({ values: ['1', '2', '3', '4', '5'] });
    expect(parseValues('0..0')).toEqual({ values: ['0'] });
  });

  it('a log range of durations spaces its points evenly on a log scale, rounded to 3 digits', () => {
    expect(parseValues('100ms..60s:log4')).toEqual({ values: ['100ms', '843ms', '7.11s', '1min'] });
    expect(parseValues('1s..1000s:log4')).toEqual({ values: ['1s', '10s', '100s', '1000s'] });
  });

  it('a linear range of numbers includes both ends', () => {
    expect(parseValues('0..1:lin5')).toEqual({ values: ['0', '0.25', '0.5', '0.75', '1'] });
  });

  it('refuses what is not a value list, with what to write instead', () => {
    expect(parseValues('')).toEqual({ error: expect.stringMatching(/no values/) });
    expect(parseValues('5..1')).toEqual({ error: expect.stringMatching(/runs backwards/) });
    expect(parseValues('1s,,2s')).toEqual({ error: expect.stringMatching(/value 2 is empty/) });
    expect(parseValues('1s,1s')).toEqual({ error: expect.stringMatching(/named twice/) });
    expect(parseValues('0s..10s:log3')).toEqual({ error: expect.stringMatching(/above 0/) });
    expect(parseValues('a..b:lin3')).toEqual({ error: expect.stringMatching(/numbers or durations/) });
    expect(parseValues('1..2:lin0')).toEqual({ error: expect.stringMatching(/number of points/) });
    expect(parseValues('1..100000')).toEqual({ error: expect.stringMatching(/more than 1000/) });
  });
});
