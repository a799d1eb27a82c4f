import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, test } from 'vitest';
import { METRICS } from '../../sim/compare/accumulator.js';
import { runCampaign, type CampaignResult } from '../../sim/compare/campaign.js';
import { mergePartials, parsePartial, serializePartial } from '../../sim/compare/partial.js';
import { shardOf } from '../../sim/compare/seeds.js';
import { formatTable } from '../../sim/compare/table.js';
import { registerCompareCommand } from '../../sim/cli/commands/compare.js';
import { UsageError } from '../../sim/io/exit-codes.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';

const FILE = 'scenarios/policies/storage-compare.yaml';
const POLICIES = ['systemd-default', 'otp-one-for-one', 'k8s-crashloop', 'minix-rs', 'windows-scm', 'android-critical'];
const SEEDS = [1, 2, 3, 4, 5, 6];
const scenario = loadScenarioFile(FILE);

let whole: CampaignResult;
beforeAll(async () => {
  whole = await runCampaign(scenario, { policies: POLICIES, seeds: SEEDS, workers: 0 });
});

describe('recsim compare on the storage stack', () => {
  test('prints one row per policy with every metric', () => {
    const text = formatTable(whole, 'text');
    const lines = text.split('\n');
    expect(lines[0]).toBe('storage stack under stochastic faults: 6 runs per policy (seeds 1..6), mean ±95 % CI across seeds');
    expect(lines[2]).toMatch(/^policy\s+avail %\s+up %\s+downtime s\s+reboots g\s+reboots u\s+restarts\s+TTR med s\s+TTR p95 s\s+lost req\s+refused req\s+delayed req\s+lost data\s+violations$/);
    for (const p of POLICIES) expect(lines.some((l) => l.startsWith(`${p} `))).toBe(true);
    for (const c of scenario.components) expect(lines.some((l) => l.startsWith(`${c.name} `))).toBe(true);
  });
  test('the policies really differ on the same faults', () => {
    const json = JSON.parse(formatTable(whole, 'json')) as { policies: { policy: string; metrics: Record<string, { mean: number } | null> }[] };
    const mean = (p: string, m: string) => json.policies.find((x) => x.policy === p)!.metrics[m]!.mean;
    // MINIX panics when a critical driver fails; systemd-default only restarts it.
    expect(mean('minix-rs', 'ungracefulReboots')).toBeGreaterThan(0);
    expect(mean('systemd-default', 'ungracefulReboots')).toBe(0);
    // Windows waits a minute before each restart: recovery is slower than systemd's 100 ms.
    expect(mean('windows-scm', 'recoverMedianS')).toBeGreaterThan(mean('systemd-default', 'recoverMedianS'));
    expect(mean('systemd-default', 'availability')).toBeGreaterThan(0.3);
    expect(mean('systemd-default', 'availability')).toBeLessThanOrEqual(1);
  });
  test('the same campaign twice gives identical output in every format', async () => {
    const again = await runCampaign(scenario, { policies: POLICIES, seeds: SEEDS, workers: 0 });
    for (const format of ['text', 'csv', 'json', 'markdown'] as const) expect(formatTable(again, format)).toBe(formatTable(whole, format));
  });
  test('shards merged give exactly the whole campaign', async () => {
    const parts = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const result = await runCampaign(scenario, { policies: POLICIES, seeds: shardOf(SEEDS, i, 3), workers: 0 });
        return { file: `shard-${i}.json`, result: parsePartial(serializePartial(result), `shard-${i}.json`) };
      }),
    );
    const merged = mergePartials([parts[2]!, parts[0]!, parts[1]!]);
    expect(formatTable(merged, 'json')).toBe(formatTable(whole, 'json'));
    expect(formatTable(merged, 'text')).toBe(formatTable(whole, 'text'));
    expect(() => mergePartials([parts[0]!, parts[0]!])).toThrow(/shard-1.json: seeds 1..2 are already in another shard/);
  });
  test('worker threads give the same numbers as one thread', async () => {
    expect(existsSync('dist/sim/compare/worker.js'), 'run `npm run build` first: workers run the prebuilt dist/ copy').toBe(true);
    let progress = 0;
    const threaded = await runCampaign(scenario, { policies: POLICIES, seeds: SEEDS, workers: 2, onProgress: (done) => (progress = done) });
    expect(formatTable(threaded, 'json')).toBe(formatTable(whole, 'json'));
    expect(progress).toBe(POLICIES.length * SEEDS.length);
  });
  test('csv and markdown carry the same numbers', () => {
    const csv = formatTable(whole, 'csv').trim().split('\n');
    expect(csv[0]).toBe('policy,metric,mean,ci_low,ci_high,n');
    expect(csv.length).toBe(1 + POLICIES.length * (METRICS.length + scenario.components.length));
    expect(formatTable(whole, 'markdown')).toMatch(/^\*\*storage stack/);
  });
});

describe('the command line', () => {
  async function run(args: string[]): Promise<string> {
    const program = new Command('recsim').exitOverride();
    registerCompareCommand(program);
    await program.parseAsync(['compare', ...args], { from: 'user' });
    return '';
  }
  const bad: [string[], RegExp][] = [
    [[FILE, '--policies', 'systemd-default,launchd'], /unknown policy "launchd"/],
    [[FILE, '--seeds', '10..1'], /--seeds: "10..1" runs backwards/],
    [[FILE, '--format', 'xml'], /--format: expected one of text, csv, json, markdown/],
    [[FILE, '--workers', 'many'], /--workers: expected a number/],
    [[FILE, '--shard', '3/2'], /--shard: shard 3\/2: i must be between 1 and n/],
    [[], /name a scenario file/],
    [[FILE, '--merge', 'a.json'], /do not name a scenario/],
    [['--merge', 'no-such-file.json'], /no-such-file.json: no such shard file/],
  ];
  test.each(bad)('%j is a usage error', async (args, message) => {
    const error = await run(args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
  test('--shard writes a partial file and --merge prints the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-compare-'));
    const common = [FILE, '--policies', 'systemd-default,minix-rs', '--seeds', '1..4', '--workers', '0'];
    await run([...common, '--shard', '1/2', '--out', join(dir, 'a.json')]);
    await run([...common, '--shard', '2/2', '--out', join(dir, 'b.json')]);
    await run(['--merge', join(dir, 'a.json'), join(dir, 'b.json'), '--out', join(dir, 'merged.txt')]);
    await run([...common, '--out', join(dir, 'whole.txt')]);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toContain('"format": "recsim-compare-partial"');
    expect(readFileSync(join(dir, 'merged.txt'), 'utf8')).toBe(readFileSync(join(dir, 'whole.txt'), 'utf8'));
  });
});
