import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/**
 * The determinism contract: nothing in the simulation reads the wall clock,
 * draws hidden randomness or uses timers. The CLI and the benchmark measure
 * wall time on purpose and are exempt.
 */
const BANNED = /\b(Math\.random|Date\.now|performance\.now|setTimeout|setInterval|setImmediate|new Date\()/;
const EXEMPT = ['sim/cli/'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('no wall clock, hidden randomness or timers in the simulation code', () => {
  const offending = sources('sim')
    .filter((file) => !EXEMPT.some((prefix) => file.startsWith(prefix)))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
        .filter(({ text }) => BANNED.test(text) && !text.startsWith('//') && !text.startsWith('*')),
    )
    .map(({ file, line, text }) => `${file}:${line}: ${text}`);
  expect(offending).toEqual([]);
});

test('the ban list itself catches a banned call', () => {
  expect(BANNED.test('const t = Date.now();')).toBe(true);
  expect(BANNED.test('const r = Math.random() * 2;')).toBe(true);
  expect(BANNED.test('const later = nowUs + delayUs;')).toBe(false);
});
