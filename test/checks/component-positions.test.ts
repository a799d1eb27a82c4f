import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionsOf } from '../../sim/checks/component-positions.js';

describe('positionsOf', () => {
  it('answers every lookup as the index does, whatever the order of names asked (its memory of the last two is only a shortcut)', () => {
    const components = Array.from({ length: 10 }, (_, i) => ({ name: `c${i}` }));
    const positions = positionsOf(components);
    expect(positionsOf(components)).toBe(positions);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 14 }), { maxLength: 100 }), (asked) => {
        for (const i of asked) expect(positions.of(`c${i}`)).toBe(i < 10 ? i : -1);
      }),
    );
  });
});
