import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { countsOf } from '../../sim/import/summary.js';
import { runCli, type CliResult } from '../cli/in-process.js';
import { decisions, importFixture, run } from './golden.js';

/**
 * The machine's own systemd units (Debian ships about 245 entries in
 * /usr/lib/systemd/system). Skipped loudly where the folder is absent; CI sets
 * RECSIM_REQUIRE_SYSTEMD_UNITS=1 (and .ci/run installs Debian's systemd package), so there it must run.
 */
const ROOT = '/usr/lib/systemd/system';
const present = existsSync(ROOT);
if (!present) {
  if (process.env.RECSIM_REQUIRE_SYSTEMD_UNITS === '1') throw new Error(`${ROOT} is absent but RECSIM_REQUIRE_SYSTEMD_UNITS=1: install Debian's systemd package`);
  console.warn(`SKIPPED: ${ROOT} is absent: the import of the machine's systemd units is not tested here`);
}

/** The CLI's main in this process: the exit status is what a process would exit with (test/cli/run.test.ts spawns one). */
const recsim = (...args: string[]): Promise<CliResult> => runCli(args);

describe.skipIf(!present)(`recsim import systemd ${ROOT}`, () => {
  const roots = [ROOT, ...(existsSync('/etc/systemd/system') ? ['/etc/systemd/system'] : [])];

  test('every unit is modelled or warned about, and the scenario boots to completion', () => {
    const { result, scenario } = importFixture('systemd', roots, [], '1min');
    const n = countsOf(result);
    console.log(`machine units: ${n.imported} read, ${n.full} fully, ${n.partial} in part, ${n.skipped} skipped, ${n.warnings} warnings`);
    expect(n.imported).toBeGreaterThan(100);
    expect(n.full + n.partial + n.skipped).toBe(n.imported);
    for (const u of result.units) {
      if (u.coverage === 'skipped') expect(u.why, u.name).toBeTruthy();
      if (u.coverage === 'partial') expect(result.warnings.some((w) => w.unit === u.name), u.name).toBe(true);
    }
    const records = run(scenario);
    expect(records.some((r) => r.type === 'boot-completed')).toBe(true);
    expect(records.filter((r) => r.type === 'violation')).toEqual([]);
  });

  test('a stochastic crash of systemd-journald gives decisions that cite its unit file: the Restart= and RestartSec= lines', () => {
    const { scenario } = importFixture('systemd', roots, [{ rate: '60/h', crash: 'systemd-journald.service' }], '10min');
    const made = decisions(run(scenario), 'systemd-journald.service');
    expect(made.length).toBeGreaterThan(0);
    const file = `${ROOT}/systemd-journald.service`;
    const lines = readFileSync(file, 'utf8').split('\n');
    const lineOf = (key: string): number => lines.findIndex((l) => l.startsWith(`${key}=`)) + 1;
    const expected = lineOf('RestartSec') > 0 ? `${file}:${lineOf('Restart')}, ${file}:${lineOf('RestartSec')}` : `${file}:${lineOf('Restart')}`;
    for (const d of made) expect(d).toMatchObject({ action: 'restart', source: expected });
  });

  test('the CLI writes the scenario, reports the summary and time, and `recsim run` boots it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'recsim-import-')), 'machine.yaml');
    const imported = await recsim('import', 'systemd', ...roots, '--crash', 'systemd-journald.service', '--out', out);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/units read: \d+ modelled fully, \d+ in part, \d+ skipped/);
    const ms = Number(/in (\d+) ms/.exec(imported.stderr)![1]);
    console.log(`import of ${ROOT}: ${ms} ms`);
    expect(ms).toBeLessThan(5000);
    const ran = await recsim('run', out);
    expect(ran.stdout).toMatch(/boot 1 completed/);
    expect(ran.code).toBe(0);
  });
});

describe('recsim import: bad input', () => {
  test('a line without = is skipped with a warning naming file:line, as systemd skips it (conf-parser.c parse_line())', async () => {
    const r = await recsim('import', 'systemd', 'test/fixtures/import/systemd/bad');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: test/fixtures/import/systemd/bad/broken.service:4 broken.service: "ExecStart /usr/bin/broken": not a Key=Value assignment: systemd logs "Missing \'=\', ignoring line." and skips it');
  });

  test('an unknown format or a missing folder: exit 2', async () => {
    expect((await recsim('import', 'upstart', 'x')).code).toBe(2);
    const r = await recsim('import', 'systemd', 'no/such/folder');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/folder: no such folder/);
  });
});
