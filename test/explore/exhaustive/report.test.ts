import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exhaustiveInParallel } from '../../../sim/explore/exhaustive/parallel.js';
import { mergeResults, type ExhaustiveResult } from '../../../sim/explore/exhaustive/result.js';
import { exhaustive, exhaustiveBase } from '../../../sim/explore/exhaustive/search.js';
import { describeMenuFault } from '../../../sim/explore/exhaustive/fault-menu.js';
import { replaysRow, rowScenario, rowScenarioYaml } from '../../../sim/explore/exhaustive/write-row-scenario.js';
import { describeOutcome } from '../../../sim/report/spof-table.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { explore } from '../../helpers/explore-cli.js';

afterEach(() => {
  process.exitCode = undefined;
});

const file = (name: string): string => `scenarios/spof/${name}.yaml`;
/** The depth-1 report search of a scenario, searched once for all the tests that read it (one thread, no shard). */
const searched = new Map<string, ExhaustiveResult>();
const search = (name: string): ExhaustiveResult => {
  let result = searched.get(name);
  if (result === undefined) searched.set(name, (result = exhaustive(loadScenarioFile(file(name)), { depth: 1, report: true })));
  return result;
};
const table = (r: ExhaustiveResult): string[] => r.singleFaults!.map((row) => `${describeMenuFault(row.worst.fault)} | ${describeOutcome(row.cost)}${row.cost.spof ? ' | SPOF' : ''}`);

/** Golden tables: each single fault's class at its costliest point, worst first, single points of failure on top. */
const GOLDEN: Record<string, string[]> = {
  'redox-driver-never-restarted': [
      'crash ahcid | degraded for good: ahcid, redoxfs, editor | SPOF',
      'kill ahcid | degraded for good: ahcid, redoxfs, editor | SPOF',
      'hang ahcid | degraded for good: ahcid, redoxfs, editor | SPOF',
      'crash coremon | degraded for good: coremon | SPOF',
      'kill coremon | degraded for good: coremon | SPOF',
      'hang coremon | degraded for good: coremon | SPOF',
      'exit ahcid | degraded for good: ahcid, redoxfs, editor',
      'exit redoxfs | degraded for good: redoxfs, editor',
      'exit coremon | degraded for good: coremon',
      'destroy coremon | degraded for good: coremon',
      'destroy ahcid | degraded for good: ahcid',
      'destroy redoxfs | degraded for good: redoxfs',
      'exit editor | degraded for good: editor',
      'destroy editor | degraded for good: editor',
      'shutdown | reboot (graceful)',
      'hang redoxfs | recovered',
      'hang editor | recovered',
      'crash redoxfs | recovered',
      'kill redoxfs | recovered',
      'crash editor | recovered',
      'kill editor | recovered',
      'fail_start redoxfs | recovered',
      'fail_start editor | recovered',
      'fail_start coremon | recovered',
      'fail_start ahcid | recovered',
      'ignore_stop coremon | recovered',
      'ignore_stop ahcid | recovered',
      'ignore_stop redoxfs | recovered',
      'ignore_stop editor | recovered',
      'reboot_call_fails | recovered',
  ],
  'otp-intensity-zero': [
      'crash pool | degraded for good: db_sup, pool, cache | SPOF',
      'crash cache | degraded for good: db_sup, pool, cache | SPOF',
      'kill pool | degraded for good: db_sup, pool, cache | SPOF',
      'kill cache | degraded for good: db_sup, pool, cache | SPOF',
      'exit pool | degraded for good: db_sup, pool, cache | SPOF',
      'exit cache | degraded for good: db_sup, pool, cache | SPOF',
      'fail_start cache | degraded for good: db_sup, pool | SPOF',
      'hang top | degraded for good: top | SPOF',
      'crash db_sup | degraded for good: db_sup | SPOF',
      'kill db_sup | degraded for good: db_sup | SPOF',
      'hang db_sup | degraded for good: db_sup | SPOF',
      'fail_start pool | degraded for good: db_sup | SPOF',
      'hang pool | degraded for good: pool | SPOF',
      'hang web | degraded for good: web | SPOF',
      'hang cache | degraded for good: cache | SPOF',
      'destroy top | degraded for good: top',
      'exit db_sup | degraded for good: db_sup',
      'destroy db_sup | degraded for good: db_sup',
      'destroy pool | degraded for good: pool',
      'destroy web | degraded for good: web',
      'destroy cache | degraded for good: cache',
      'shutdown | reboot (graceful)',
      'crash top | recovered',
      'kill top | recovered',
      'exit top | recovered',
      'crash web | recovered',
      'kill web | recovered',
      'exit web | recovered',
      'fail_start top | recovered',
      'fail_start web | recovered',
      'fail_start db_sup | recovered',
      'ignore_stop top | recovered',
      'ignore_stop db_sup | recovered',
      'ignore_stop pool | recovered',
      'ignore_stop cache | recovered',
      'ignore_stop web | recovered',
      'reboot_call_fails | recovered',
  ],
  'sound-redox-storage': [
      'destroy coremon | degraded for good: coremon',
      'destroy ahcid | degraded for good: ahcid',
      'destroy redoxfs | degraded for good: redoxfs',
      'destroy editor | degraded for good: editor',
      'shutdown | reboot (graceful)',
      'hang coremon | recovered',
      'hang ahcid | recovered',
      'hang redoxfs | recovered',
      'hang editor | recovered',
      'crash coremon | recovered',
      'kill coremon | recovered',
      'exit coremon | recovered',
      'crash ahcid | recovered',
      'kill ahcid | recovered',
      'exit ahcid | recovered',
      'crash redoxfs | recovered',
      'kill redoxfs | recovered',
      'exit redoxfs | recovered',
      'crash editor | recovered',
      'kill editor | recovered',
      'exit editor | recovered',
      'fail_start coremon | recovered',
      'fail_start ahcid | recovered',
      'fail_start redoxfs | recovered',
      'fail_start editor | recovered',
      'ignore_stop coremon | recovered',
      'ignore_stop ahcid | recovered',
      'ignore_stop redoxfs | recovered',
      'ignore_stop editor | recovered',
      'reboot_call_fails | recovered',
  ],
};

describe('the single-fault report (explore --exhaustive --report)', () => {
  for (const [name, rows] of Object.entries(GOLDEN)) {
    it(`classifies every single fault of ${name}`, () => {
      expect(table(search(name))).toEqual(rows);
    });
  }

  it('writes each row as a scenario whose run from time zero has the outcome the search measured', () => {
    const notReplayed: string[] = [];
    for (const name of Object.keys(GOLDEN)) {
      const scenario = loadScenarioFile(file(name));
      const result = search(name);
      const base = exhaustiveBase(scenario, false, result.eventBudget);
      const source = readFileSync(file(name), 'utf8');
      for (const row of result.singleFaults!) {
        const written = rowScenario(base, row);
        const yaml = rowScenarioYaml(source, base, row, written, { sourceFile: file(name), command: 'test' });
        const replay = replaysRow(yaml, 'row.yaml', row);
        expect(replay.ok).toBe(written.replays);
        if (!replay.ok) notReplayed.push(`${name}: ${describeMenuFault(row.worst.fault)}`);
      }
    }
    // Every row replays: OTP starts a supervisor's children one after another, so no two starts of
    // the boot share an instant that a scenario file could not tell apart.
    expect(notReplayed).toEqual([]);
  });

  it('is the same whatever the number of worker threads and shards', async () => {
    const scenario = loadScenarioFile(file('otp-intensity-zero'));
    // One worker is the search in this thread (sim/explore/exhaustive/parallel.ts), already run above.
    const one = search('otp-intensity-zero');
    const three = await exhaustiveInParallel(scenario, { depth: 1, report: true }, 3);
    const shards = [0, 1].map((index) => exhaustive(scenario, { depth: 1, report: true, shard: { index, count: 2 } }));
    const merged = mergeResults(shards.map((result, i) => ({ file: `shard ${i + 1}`, result })));
    expect(three.singleFaults).toEqual(one.singleFaults);
    expect(merged.singleFaults).toEqual(one.singleFaults);
    expect(table(one)).toEqual(GOLDEN['otp-intensity-zero']);
  });

  it('refuses to merge shards run with and without --report', () => {
    const scenario = loadScenarioFile(file('sound-redox-storage'));
    const a = exhaustive(scenario, { depth: 1, report: true, shard: { index: 0, count: 2 }, kinds: ['crash'] });
    const b = exhaustive(scenario, { depth: 1, shard: { index: 1, count: 2 }, kinds: ['crash'] });
    expect(() => mergeResults([{ file: 'a', result: a }, { file: 'b', result: b }])).toThrow(/--report differ/);
  });
});

describe('recsim explore --exhaustive --report (command line)', () => {
  it('prints the summary and the table, writes a scenario per row, exit 1 for a single point of failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-report-'));
    const page = join(dir, 'spof.html');
    const { stdout, exitCode } = await explore(file('redox-driver-never-restarted'), '--exhaustive', '--report', '--kinds', 'crash,exit', '--workers', '1', '--out-dir', dir, '--html', page);
    expect(exitCode).toBe(1);
    expect(stdout).toContain('Summary: 2 single points of failure among 4 components: ahcid (crash) leaves ahcid, redoxfs, editor down; coremon (crash) leaves coremon down');
    // The page: the same summary, each row linking its timeline (the viewer with the row's run inlined).
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('2 single points of failure among 4 components');
    const link = /<tr class="spof" data-fault="crash ahcid">.*?<a class="timeline" href="([^"]+)">/.exec(html)![1]!;
    expect(readFileSync(join(dir, link), 'utf8').includes('"type":"fault","component":"ahcid","fault":"crash"')).toBe(true);
    const first = stdout.split('\n').find((l) => l.startsWith('1 '))!;
    expect(first).toMatch(/^1\s+crash ahcid\s+\S+\s+degraded for good: ahcid, redoxfs, editor\s+yes\s+never/);
    expect(readdirSync(join(dir, 'redox-driver-never-restarted.single-faults'))).toHaveLength(8);
  });

  it('says there is none for the sound stack, exit 0; markdown, csv and json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-report-'));
    const args = [file('sound-redox-storage'), '--exhaustive', '--report', '--kinds', 'crash', '--workers', '1', '--out-dir', dir];
    const md = await explore(...args, '--format', 'markdown');
    expect(md.exitCode).toBe(0);
    expect(md.stdout).toContain('Summary: no single point of failure among 4 components');
    expect(md.stdout).toMatch(/^\| # \| fault \| worst at \| outcome \| SPOF \|/m);
    const csv = await explore(...args, '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('#,fault,worst at,outcome,SPOF,recovery,restarts,requests lost,data lost,SPOF at,scenario');
    const json = JSON.parse((await explore(...args, '--format', 'json')).stdout) as { rows: { fault: string; outcome: string; replays: boolean }[] };
    expect(json.rows.map((r) => [r.fault, r.outcome, r.replays])).toEqual([['crash coremon', 'recovered', true], ['crash ahcid', 'recovered', true], ['crash redoxfs', 'recovered', true], ['crash editor', 'recovered', true]].sort((a, b) => json.rows.findIndex((r) => r.fault === a[0]) - json.rows.findIndex((r) => r.fault === b[0])));
  });

  it('refuses what it cannot do', async () => {
    await expect(explore(file('sound-redox-storage'), '--exhaustive', '--report', '--depth', '2')).rejects.toThrow(/use it with --depth 1/);
    await expect(explore(file('sound-redox-storage'), '--exhaustive', '--format', 'csv')).rejects.toThrow(/only with --report/);
    await expect(explore(file('sound-redox-storage'), '--exhaustive', '--report', '--format', 'xml')).rejects.toThrow(/--format: expected text, csv, json, markdown/);
    await expect(explore(file('sound-redox-storage'), '--report')).rejects.toThrow(/only with --exhaustive/);
  });
});
