import { describe, expect, test } from 'vitest';
import { formatSeeds, parseSeeds, parseShard, shardOf } from '../../sim/compare/seeds.js';

describe('seed lists', () => {
  test('ranges, single seeds and lists', () => {
    expect(parseSeeds('1..5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeeds('7')).toEqual([7]);
    expect(parseSeeds('1..3, 10, 2..4')).toEqual([1, 2, 3, 10, 4]);
  });
  test('errors say what to write', () => {
    expect(parseSeeds('5..1')).toEqual({ error: '"5..1" runs backwards; write the smaller seed first' });
    expect(parseSeeds('a')).toMatchObject({ error: expect.stringContaining('expected seeds such as "1..1000"') });
  });
  test('written back compactly', () => {
    expect(formatSeeds([4, 1, 2, 3, 9, 11, 10])).toBe('1..4,9..11');
  });
});

describe('shards', () => {
  test('i/n', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('9/8')).toMatchObject({ error: expect.stringContaining('between 1 and n') });
    expect(parseShard('x')).toMatchObject({ error: expect.stringContaining('i/n') });
  });
  test('the slices cover every seed once', () => {
    const seeds = Array.from({ length: 103 }, (_, i) => i + 1);
    const parts = [1, 2, 3, 4, 5, 6, 7].map((i) => shardOf(seeds, i, 7));
    expect(parts.flat()).toEqual(seeds);
    expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
  });
});
