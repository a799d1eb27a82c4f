import { describe, expect, it } from 'vitest';
import { dominates, interval, mainEffects, paretoFront, recommend, summarize } from '../../sim/tune/analysis.js';
import type { Objective } from '../../sim/tune/objectives.js';

const availability: Objective = { key: 'availability', better: 'max', index: 0 };
const reboots: Objective = { key: 'reboots', better: 'min', index: 1 };

/** Runs as rows [availability, reboots], one per seed. */
const runs = (pairs: [number, number][]): number[][] => pairs.map(([a, r]) => [a, r]);

describe('paired dominance', () => {
  it('a setting better on every seed dominates', () => {
    const a = runs([[0.99, 0], [0.98, 0], [0.97, 1], [0.99, 0]]);
    const b = runs([[0.95, 0], [0.93, 0], [0.94, 1], [0.96, 0]]);
    expect(dominates(a, b, [availability, reboots])).toBe(true);
    expect(dominates(b, a, [availability, reboots])).toBe(false);
  });

  it('noise alone drops nothing: better on average but worse on some seeds, within the interval', () => {
    const a = runs([[0.99, 0], [0.90, 0], [0.97, 0], [0.91, 0]]);
    const b = runs([[0.95, 0], [0.93, 0], [0.94, 0], [0.92, 0]]);
    expect(interval([0.04, -0.03, 0.03, -0.01]).lo).toBeLessThan(0);
    expect(dominates(a, b, [availability, reboots])).toBe(false);
    expect(paretoFront([a, b], [availability, reboots])).toEqual([0, 1]);
  });

  it('a trade-off keeps both on the front', () => {
    const a = runs([[0.99, 2], [0.99, 3], [0.99, 2]]);
    const b = runs([[0.95, 0], [0.95, 0], [0.95, 0]]);
    expect(paretoFront([a, b], [availability, reboots])).toEqual([0, 1]);
  });

  it('identical runs dominate neither way (two settings the faults never tell apart)', () => {
    const a = runs([[0.9, 1], [0.8, 0]]);
    expect(dominates(a, a.map((r) => [...r]), [availability, reboots])).toBe(false);
  });
});

describe('recommendation and main effects', () => {
  const stats = [runs([[0.99, 2], [0.99, 2]]), runs([[0.97, 0], [0.97, 0]]), runs([[0.98, 1], [0.98, 1]])].map((r) => summarize(r, 2));

  it('picks the best first objective on the front among those meeting the constraints', () => {
    expect(recommend([0, 1, 2], stats, [availability, reboots], () => true)).toBe(0);
    expect(recommend([0, 1, 2], stats, [availability, reboots], (i) => stats[i]![1]!.mean <= 1)).toBe(2);
    expect(recommend([0, 1, 2], stats, [availability, reboots], () => false)).toBeUndefined();
  });

  it('a main effect is how far the mean moves across one parameter\'s values', () => {
    const settings = [['1s', 'a'], ['5s', 'a'], ['1s', 'b'], ['5s', 'b']];
    const s4 = [0.9, 0.8, 0.7, 0.6].map((a) => summarize(runs([[a, 0]]), 2));
    const effects = mainEffects(['delay', 'mode'], settings, s4, [availability]);
    expect(effects[0]!.range[0]).toBeCloseTo(0.1);
    expect(effects[1]!.range[0]).toBeCloseTo(0.2);
    expect(effects[1]!.byValue.map((v) => v.value)).toEqual(['a', 'b']);
  });
});
