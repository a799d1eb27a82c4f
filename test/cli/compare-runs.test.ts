import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, type CliResult } from './in-process.js';

// The CLI's main in this process (the process boundary is test/cli/run.test.ts's and
// closed-stdout.test.ts's concern): getting two traces to compare needs no hand-edited file.
const recsim = (...args: string[]): Promise<CliResult> => runCli(args);

const SCENARIO = 'scenarios/policies/storage-compare.yaml';

describe('recsim run --policy', () => {
  test('runs the scenario with every policy replaced by the preset, as compare does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-policy-'));
    const out = join(dir, 'minix.json');
    const { code } = await recsim('run', SCENARIO, '--policy', 'minix-rs', '--seed', '5', '--out', out);
    expect(code).toBe(0);
    const trace = JSON.parse(readFileSync(out, 'utf8'));
    expect(trace.summary.reboots.ungraceful).toBeGreaterThan(0);
    expect(trace.scenario.expect).toBeUndefined();
  });

  test('says that the scenario\'s own expectations are not checked under another policy', async () => {
    const { code, stderr } = await recsim('run', 'scenarios/netstack-reboot.yaml', '--policy', 'systemd-default');
    expect(code).toBe(0);
    expect(stderr).toBe("note: --policy systemd-default: the scenario's expectations were written for its own policies and are not checked\n");
  });

  test('refuses an unknown preset in one line, naming the known ones', async () => {
    const { code, stderr } = await recsim('run', SCENARIO, '--policy', 'nope');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^recsim: --policy: unknown policy "nope" \(known: scenario, [^\n]*minix-rs[^\n]*\)\n$/);
  });
});

describe('recsim compare --traces and --html', () => {
  test('writes the worst run of each policy, the same run the campaign measured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-traces-'));
    const { code, stderr } = await recsim('compare', SCENARIO, '--policies', 'systemd-default,minix-rs', '--seeds', '1..6', '--workers', '0', '--traces', dir, '--format', 'json', '--out', join(dir, 'table.json'));
    expect(code).toBe(0);
    const files = readdirSync(dir).filter((f) => f.endsWith('.trace.json')).sort();
    expect(files).toHaveLength(2);
    expect(stderr).toContain('compare: wrote 2 traces:');
    expect(stderr).toContain('recsim view');
    for (const file of files) {
      const [policy, seedPart] = file.replace('.trace.json', '').split('.seed-');
      const again = await recsim('run', SCENARIO, '--policy', policy!, '--seed', seedPart!, '--json');
      const trace = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const { passed: _passed, ...summary } = JSON.parse(again.stdout);
      expect(trace.summary).toEqual(summary);
      expect(trace.seed).toBe(Number(seedPart));
    }
  });

  test('--trace-seeds writes chosen seeds under every policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-seeds-'));
    const { code } = await recsim('compare', SCENARIO, '--policies', 'systemd-default,minix-rs', '--seeds', '1..3', '--workers', '0', '--traces', dir, '--trace-seeds', '2');
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['minix-rs.seed-2.trace.json', 'systemd-default.seed-2.trace.json']);
  });

  test('--html writes the comparison page and a timeline of each policy\'s worst run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-html-'));
    const page = join(dir, 'report.html');
    const { code } = await recsim('compare', SCENARIO, '--policies', 'systemd-default,minix-rs', '--seeds', '1..3', '--workers', '0', '--html', page);
    expect(code).toBe(0);
    const html = readFileSync(page, 'utf8');
    const hrefs = [...html.matchAll(/class="worst-link" data-policy="[^"]+" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs).toHaveLength(2);
    for (const href of hrefs) {
      expect(href).toMatch(/^report-runs\/[a-z-]+\.seed-\d\.html$/);
      expect(existsSync(join(dir, href))).toBe(true);
    }
    // Each worst seed again beside the other policy: A vs B on the same faults, one page with both traces.
    const pairs = [...html.matchAll(/class="pair-link" data-policy="([^"]+)" data-against="([^"]+)" href="([^"]+)">[^<]* on seed (\d)</g)];
    expect(pairs.map((m) => `${m[1]} vs ${m[2]}`).sort()).toEqual(['minix-rs vs systemd-default', 'systemd-default vs minix-rs']);
    for (const m of pairs) {
      expect(m[3]).toBe(`report-runs/${m[1]}-vs-${m[2]}.seed-${m[4]}.html`);
      const pairPage = readFileSync(join(dir, m[3]!), 'utf8');
      expect(pairPage).toContain('id="recsim-trace"');
      expect(pairPage).toContain('id="recsim-trace-b"');
    }
  });

  test('prints a verdict under the text table: availability first, then reboots, lost data, time to recover', async () => {
    const { code, stderr } = await recsim('compare', SCENARIO, '--policies', 'systemd-default,minix-rs', '--seeds', '1..6', '--workers', '0');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^verdict: best is minix-rs \(availability first, then reboots, lost data, time to recover\)\n  minix-rs is better than systemd-default: availability \d+\.\d{3} % against \d+\.\d{3} %\./);
  });

  test('refuses --traces with --shard: a shard cannot name the worst run of the whole campaign', async () => {
    const { code, stderr } = await recsim('compare', SCENARIO, '--seeds', '1..4', '--shard', '1/2', '--traces', tmpdir());
    expect(code).toBe(2);
    expect(stderr).toContain('--traces and --html re-run chosen seeds');
  });
});
