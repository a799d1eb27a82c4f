import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arrivalsAndWaits, arrivalsBetween, arrivalStream } from '../../sim/model/request-arrivals.js';
import { propertySeed } from '../helpers/property-seed.js';

/**
 * The arrival tree (sim/model/request-arrivals.ts) answers "how many arrived
 * in [a, b)?" along two root paths (a prefix count each, resumed from where
 * the last path parts from it) with a memo of the splits met last, and "how many, and how long did they wait?" by walking
 * the nodes inside the interval. Both read the same tree, so they must agree
 * exactly; the memo must change no answer, whatever order questions come in.
 */
describe('request arrivals read off the tree', () => {
  const seed = propertySeed('request-arrivals');
  const instant = fc.integer({ min: 0, max: 10 * 24 * 3_600_000_000 });
  const question = fc.tuple(instant, fc.integer({ min: 0, max: 30 * 60_000_000 }));

  test('a count by prefix paths equals the walk over the interval, memo warm or cold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(0.5, 10, 2000), fc.array(question, { minLength: 1, maxLength: 40 }), (key, rate, questions) => {
        const warm = arrivalStream(key, rate);
        for (const [from, span] of questions) {
          const to = from + span;
          const byPrefix = arrivalsBetween(warm, from, to);
          expect(byPrefix).toBe(arrivalsAndWaits(arrivalStream(key, rate), from, to, to).count);
          expect(byPrefix).toBe(arrivalsBetween(arrivalStream(key, rate), from, to));
          // A warm walk starts at the deepest node holding the interval (found on the last path), a cold one at the root.
          expect(arrivalsAndWaits(warm, from, to, to + span)).toEqual(arrivalsAndWaits(arrivalStream(key, rate), from, to, to + span));
        }
      }),
      { seed, numRuns: 200 },
    );
  });

  test('counts add up over adjacent intervals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), instant, fc.nat(600_000_000), fc.nat(600_000_000), (key, a, ab, bc) => {
        const s = arrivalStream(key, 20);
        expect(arrivalsBetween(s, a, a + ab) + arrivalsBetween(s, a + ab, a + ab + bc)).toBe(arrivalsBetween(s, a, a + ab + bc));
      }),
      { seed, numRuns: 300 },
    );
  });

  test('the counts follow the rate: 2,000 one-second intervals at 10/s average about 10', () => {
    const s = arrivalStream(12345, 10);
    let total = 0;
    for (let i = 0; i < 2000; i++) total += arrivalsBetween(s, 3_600_000_000 + i * 1_000_000, 3_600_000_000 + (i + 1) * 1_000_000);
    // The mean of 2,000 Poisson(10) counts has a standard deviation of 0.07: 0.5 is seven of them.
    expect(Math.abs(total / 2000 - 10)).toBeLessThan(0.5);
  });
});
