import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { faultArb } from '../../sim/explore/arbitraries.js';
import { faultToFile } from '../../sim/explore/fault-file.js';
import { FAULT_KINDS } from '../../sim/faults/registry.js';
import type { FaultKindModule } from '../../sim/faults/types.js';
import { parseScenario } from '../../sim/scenario/load.js';

const modules = FAULT_KINDS as readonly FaultKindModule[];

describe('the fault-kind registry', () => {
  test('each kind is spelled with underscores in files and hyphens in traces', () => {
    for (const m of modules) expect(m.kind).toBe(m.key.replace(/_/g, '-'));
  });

  test('an armed fault is consulted under the kind that armed it', () => {
    for (const m of modules.filter((k) => k.armed !== undefined)) {
      const spec = m.resolve({ value: 'a', fields: {} }, ['faults', 0], { system: {} });
      const arms = m.inject(spec, { target: 0, cause: 1 }).filter((c) => c.do === 'arm');
      expect(arms.map((c) => c.do === 'arm' && c.armed.kind)).toEqual([m.kind]);
    }
  });

  describe.each(modules.filter((m) => m.explore !== undefined).map((m) => [m.key, m] as const))('%s', (key) => {
    test('every fault explore draws is written to a file that loads back to the same fault', () => {
      const shape = { components: ['a', 'b'], kinds: [key], windowUs: 50_000_000 } as const;
      for (const fault of fc.sample(faultArb(shape, key), { seed: 1, numRuns: 40 })) {
        const file = { name: 'round trip', duration: '1min', components: [{ name: 'a' }, { name: 'b' }], faults: [faultToFile(fault)] };
        const loaded = parseScenario(JSON.stringify(file), 'round-trip.json').faults[0];
        expect(JSON.stringify(loaded)).toBe(JSON.stringify(fault));
      }
    });
  });
});
