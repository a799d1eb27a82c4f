import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { buildHostileCorpus, type HostileCase } from './hostile-corpus.js';
import { captureCli } from './in-process.js';

/**
 * The hostile-input corpus (importers, merges, outputs), run in-process through the
 * CLI's `main` (stdout and stderr captured). Contract of a bad case: exit 2
 * and one line naming the file (file:line:col when the problem is inside it),
 * never exit 70, no stack trace, no raw control character, within its bound.
 * An ok case (valid input) exits 0 with no raw control character in stdout or
 * stderr.
 *
 * RECSIM_HOSTILE_BIN=<path to a built main.js> runs every case in a child
 * process of that build instead (20 s timeout, 1 GB heap), which is how the
 * "before" table was measured: a case that hangs or blows up the heap ends
 * there instead of taking the test run with it. RECSIM_CORPUS_TABLE=1 prints
 * the outcome table by class.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = process.env.RECSIM_HOSTILE_BIN;
const { main } = BIN ? { main: undefined } : ((await import('../../sim/cli/main.js')) as { main: (argv: string[]) => Promise<void> });

const corpus = buildHostileCorpus();
const work = mkdtempSync(join(tmpdir(), 'recsim-hostile-'));
const table = new Map<string, Map<string, number>>();
const isRoot = process.getuid?.() === 0;
/** As root, chmod does not stop a read; a write-only sysfs attribute does (open for reading fails with EACCES). */
const WRITE_ONLY = ['/sys/bus/pci/rescan', '/sys/bus/nd/drivers_probe', '/sys/class/zram-control/hot_remove'].find((p) => existsSync(p));
const canMakeUnreadable = !isRoot || WRITE_ONLY !== undefined;

interface Outcome { code: string; stdout: string; stderr: string; ms: number }

function prepare(c: HostileCase, dir: string): void {
  const at = (s: string): string => s.replaceAll('@', dir);
  for (const [name, content] of Object.entries(c.files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  for (const [name, target] of Object.entries(c.links ?? {})) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync(at(target), path);
  }
  for (const name of c.fifos ?? []) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    execFileSync('mkfifo', [path]);
  }
  if (c.unreadable !== undefined) {
    const path = join(dir, c.unreadable);
    mkdirSync(dirname(path), { recursive: true });
    if (isRoot) symlinkSync(WRITE_ONLY!, path);
    else {
      closeSync(openSync(path, 'w'));
      chmodSync(path, 0);
    }
  }
}

async function inProcess(argv: string[]): Promise<Outcome> {
  const r = await captureCli(main!, argv);
  return { code: String(r.code), stdout: r.stdout, stderr: r.stderr, ms: r.ms };
}

function inChild(argv: string[]): Outcome {
  const started = performance.now();
  const script = `const { main } = await import(${JSON.stringify(BIN)}); await main(process.argv.slice(1));`;
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', '--input-type=module', '-e', script, ...argv], { timeout: 20_000, encoding: 'utf8', maxBuffer: 256 << 20, cwd: ROOT });
  const ms = performance.now() - started;
  const code = r.error?.message.includes('ETIMEDOUT') || r.signal === 'SIGTERM' ? 'hang' : r.signal ? `killed (${r.signal})` : r.status === 134 ? 'abort (134)' : String(r.status);
  return { code, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms };
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (process.env.RECSIM_CORPUS_TABLE) {
    const codes = [...new Set([...table.values()].flatMap((m) => [...m.keys()]))].sort();
    const lines = [`hostile corpus: ${corpus.length} cases`, `| class | ${codes.join(' | ')} |`, `| --- | ${codes.map(() => '---').join(' | ')} |`];
    for (const [group, m] of [...table].sort()) lines.push(`| ${group} | ${codes.map((c) => m.get(c) ?? 0).join(' | ')} |`);
    writeFileSync(join(tmpdir(), 'recsim-hostile-table.md'), `${lines.join('\n')}\n`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
});

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// C0 controls but the newline, DEL and C1 controls.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe(`the hostile-input corpus, round 2 (${corpus.length} cases)`, () => {
  test('covers every class of issue 25', () => {
    expect(new Set(corpus.map((c) => c.group)).size).toBe(8);
    expect(corpus.length).toBeGreaterThanOrEqual(150);
  });

  corpus.forEach((c, index) => {
    const skip = c.unreadable !== undefined && !canMakeUnreadable;
    test.skipIf(skip)(`${c.group}: ${c.name}`, async () => {
      const dir = join(work, String(index));
      mkdirSync(dir, { recursive: true });
      prepare(c, dir);
      const argv = c.argv.map((a) => a.replaceAll('@', dir));
      const r = BIN ? inChild(argv) : await inProcess(argv);
      // Outcome by class: "2", "0", "70", "hang", "abort (134)", and "2 (wrong)" for exit 2 that breaks the one-line contract.
      const contract = (c.expect ?? 'bad') === 'bad'
        ? r.code === '2' && /^recsim: [^\n]+\n$/.test(r.stderr) && !CONTROL.test(r.stderr.slice(0, -1)) && r.stderr.includes(c.names.replaceAll('@', dir))
        : (c.exits ?? ['0']).includes(r.code) && !CONTROL.test(r.stderr.replace(/\n/g, '')) && !CONTROL.test(r.stdout.replace(/\n/g, ''));
      const label = contract ? 'as stated' : r.code === '2' || r.code === '0' ? `exit ${r.code} (wrong)` : /^\d+$/.test(r.code) ? `exit ${r.code}` : r.code;
      const byCode = table.get(c.group) ?? new Map<string, number>();
      byCode.set(label, (byCode.get(label) ?? 0) + 1);
      table.set(c.group, byCode);
      const shown = r.stderr.replaceAll(dir, '@').slice(0, 600);
      if (process.env.RECSIM_CORPUS_SHOW) process.stdout.write(`CASE ${c.group}: ${c.name} -> ${r.code} ${Math.round(r.ms)} ms: ${shown}\n`);
      expect(r.stderr, 'no internal error, no stack trace').not.toMatch(/internal error|\n\s+at |THROWN/);
      if ((c.expect ?? 'bad') === 'ok') {
        expect(c.exits ?? ['0'], shown).toContain(r.code);
        expect(r.stdout.replace(/\n/g, ''), 'no raw control character on stdout').not.toMatch(CONTROL);
        expect(r.stderr.replace(/\n/g, ''), 'no raw control character on stderr').not.toMatch(CONTROL);
      } else {
        expect(r.code, shown).toBe('2');
        expect(r.stderr, 'exactly one line').toMatch(/^recsim: [^\n]+\n$/);
        expect(r.stderr.slice(0, -1), 'no raw control character').not.toMatch(CONTROL);
        const named = c.names.replaceAll('@', dir);
        expect(r.stderr, 'names the file or flag').toContain(named);
        if (c.positioned) expect(r.stderr).toMatch(new RegExp(`^recsim: ${escapeRe(dir)}/[^ ]*:\\d+:\\d+ `));
        if (c.says) expect(r.stderr.replaceAll(dir, '@')).toMatch(c.says);
        if (c.noStdout) expect(r.stdout, 'nothing printed before the error').toBe('');
      }
      expect(r.ms, 'ends within its bound').toBeLessThan(c.boundMs ?? 5000);
    }, 60_000);
  });
});

// Keep the reader of this file honest about what it reads: the fixture used by the export cases exists.
test('the export cases read a real trace', () => {
  expect(readFileSync(join(ROOT, 'test/fixtures/traces/netstack-reboot.json'), 'utf8').length).toBeGreaterThan(100);
});
