import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Kept apart from viz/vite.config.ts: a viewer root there would hide the tests from vitest.
//
// Isolation (a fresh module graph per test file) costs a test file some 0.4 s of CPU to load
// the simulator's modules again; over 180 files it was a third of the suite. Files share one
// module graph per worker instead, except those that need a fresh one: a file that replaces a
// module (`vi.mock`, `vi.doMock`) or a global (`vi.stubGlobal`, `vi.stubEnv`) must see its
// replacement, and must not leave it behind for the next file. They are found by reading the
// files, so a new test that mocks a module is isolated without anyone listing it.
const ALL = 'test/**/*.test.ts';
const NEEDS_ISOLATION = /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}
const isolated = testFiles('test').filter((f) => NEEDS_ISOLATION.test(readFileSync(f, 'utf8')));

export default defineConfig({
  test: {
    root: '.',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // vitest's default leaves a core to itself (availableParallelism() - 1): one worker on two
    // cores. Its own process mostly waits, so two cores run two files.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'shared', include: [ALL], exclude: isolated, isolate: false } },
      { extends: true, test: { name: 'isolated', include: isolated.length > 0 ? isolated : ['no-such-file'], isolate: true } },
    ],
  },
});
