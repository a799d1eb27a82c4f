import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionsOf } from '../../sim/checks/component-positions.js';
import { componentIndex } from '../../sim/scenario/component-index.js';

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

  it('answers as the index does when names are asked mostly in order (its guess of the next place) and when two components share a name (no guess: the first keeps it)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.oneof(fc.constant(-1), fc.integer({ min: -2, max: 14 })), { maxLength: 120 }),
        (nameIds, steps) => {
          // Names drawn from a few, so some lists hold a name twice.
          const components = nameIds.map((id) => ({ name: `n${id}` }));
          const index = componentIndex(components);
          const positions = positionsOf(components);
          // A walk that mostly steps to the next place (-1: next), sometimes jumps anywhere, or asks an unknown name.
          let at = 0;
          for (const step of steps) {
            at = step === -1 ? at + 1 : step;
            const name = at < components.length && at >= 0 ? components[at]!.name : `x${at}`;
            expect(positions.of(name)).toBe(index.get(name) ?? -1);
          }
        },
      ),
    );
  });
});
