import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FAULT_KINDS } from '../../../sim/faults/registry.js';

/** One test file per fault kind, named by its file spelling, beside this one; the list comes from the registry. */
describe('every fault kind of the registry has its own test file', () => {
  test.each(FAULT_KINDS.map((k) => k.key))('test/faults/kinds/%s.test.ts', (key) => {
    expect(existsSync(`test/faults/kinds/${key}.test.ts`)).toBe(true);
  });
});
