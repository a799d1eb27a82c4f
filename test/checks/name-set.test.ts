import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameSet } from '../../sim/checks/name-set.js';

describe('NameSet', () => {
  it('agrees with a Set of names, for names inside and outside the components, through clears', () => {
    const components = Array.from({ length: 20 }, (_, i) => ({ name: `c${i}` }));
    const step = fc.oneof(fc.record({ add: fc.integer({ min: 0, max: 30 }) }), fc.constant({ clear: true as const }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const set = new NameSet(components);
        const plain = new Set<string>();
        for (const s of steps) {
          if ('clear' in s) {
            set.clear();
            plain.clear();
          } else {
            set.add(`c${s.add}`);
            plain.add(`c${s.add}`);
          }
          expect(set.size).toBe(plain.size);
        }
        for (let i = 0; i <= 30; i++) expect(set.has(`c${i}`)).toBe(plain.has(`c${i}`));
      }),
    );
  });
});
