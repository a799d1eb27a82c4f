import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { buildCorpus, type CorpusCase } from './bad-input-corpus.js';
import { captureCli } from './in-process.js';

/**
 * Issue 12: every bad input ends with exit 2 and one line naming the file
 * (with line:col and the field path when the problem is in the content);
 * never exit 70, never a stack trace, never a raw control character. The
 * corpus runs in-process through the CLI's `main`, with stdout and stderr
 * captured. RECSIM_CORPUS_CLI=<path to a built main.js> runs it against
 * another build (that is how the "before" table in the report was measured),
 * and RECSIM_CORPUS_TABLE=1 prints the exit-code table.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = process.env.RECSIM_CORPUS_CLI ?? '../../sim/cli/main.js';
const { main } = (await import(CLI)) as { main: (argv: string[]) => Promise<void> };

const corpus = buildCorpus(ROOT);
const work = mkdtempSync(join(tmpdir(), 'recsim-corpus-'));
const table = new Map<string, Map<string, number>>();

interface Outcome { code: number; stdout: string; stderr: string; ms: number }

/** Writes a case's files and runs its command line in-process. */
async function runCase(c: CorpusCase, index: number): Promise<Outcome & { dir: string }> {
  const dir = join(work, String(index));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) {
      closeSync(openSync(path, 'w'));
      truncateSync(path, content.size); // sparse: costs no disk
    } else writeFileSync(path, content);
  }
  const argv = c.argv.map((a) => (a.startsWith('@') ? dir + a.slice(1) : a));
  // A trace that `view` wrongly accepts would be served until Ctrl-C: captureCli stops it.
  return { ...(await captureCli(main, argv)), dir };
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (process.env.RECSIM_CORPUS_TABLE) {
    const codes = [...new Set([...table.values()].flatMap((m) => [...m.keys()]))].sort();
    const lines = [`corpus: ${corpus.length} cases`, `| group | ${codes.map((c) => `exit ${c}`).join(' | ')} |`];
    for (const [group, m] of table) lines.push(`| ${group} | ${codes.map((c) => m.get(c) ?? 0).join(' | ')} |`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
});

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// C0 controls (but the final newline), DEL and C1 controls.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe(`the bad-input corpus (${corpus.length} cases)`, () => {
  test('holds 200 cases or more, across every group', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((c) => c.group)).size).toBe(9);
  });

  corpus.forEach((c, index) => {
    test(`${c.group}: ${c.name}`, async () => {
      const { code, stderr, ms, dir } = await runCase(c, index);
      const byCode = table.get(c.group) ?? new Map<string, number>();
      byCode.set(String(code), (byCode.get(String(code)) ?? 0) + 1);
      table.set(c.group, byCode);
      if (process.env.RECSIM_CORPUS_SHOW) process.stdout.write(`CASE ${c.group}: ${c.name} -> ${code}: ${stderr.replaceAll(dir, '@')}`);
      const file = join(dir, c.names);
      expect(stderr, 'no internal error, no stack trace').not.toMatch(/internal error|\n\s+at |THROWN/);
      if (c.mayExhaustBudget && code === 3) return;
      expect(code, stderr).toBe(2);
      expect(stderr, 'exactly one line').toMatch(/^recsim: [^\n]+\n$/);
      expect(stderr.slice(0, -1), 'no raw control character').not.toMatch(CONTROL);
      expect(stderr, 'names the file').toContain(file);
      if (c.positioned) expect(stderr).toMatch(new RegExp(`^recsim: ${escapeRe(file)}:\\d+:\\d+ [^:\\n]+: `));
      expect(ms, 'ends within its bound').toBeLessThan(c.boundMs ?? 5000);
    }, 30_000);
  });
});
