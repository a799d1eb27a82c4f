import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { INVARIANTS } from '../../../sim/checks/invariants/index.js';

/**
 * One test file per invariant, named by its id, beside this one: where the
 * test of a new invariant goes is never a question, and the list comes from
 * the registry, so adding an invariant asks for its file and nothing else.
 */
describe('every invariant of the registry has its own test file', () => {
  test.each(INVARIANTS.map((i) => i.id))('test/checks/invariants/%s.test.ts', (id) => {
    expect(existsSync(`test/checks/invariants/${id}.test.ts`)).toBe(true);
  });
});
