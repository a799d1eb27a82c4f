import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/in-process.js';

// recsim tune as a user meets it: what it prints, and one clear line (exit 2) for each mistake.
const FLAKY = 'scenarios/flaky-driver.yaml';
const RENEWAL = 'scenarios/tune/renewal.yaml';
const quick = ['--seeds', '1..6', '--workers', '0'];

async function refused(args: string[]): Promise<string> {
  const r = await runCli(['tune', ...args]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  return lines[0]!;
}

describe('recsim tune: bad input is one line and exit 2', () => {
  it('names the flag and what to write instead', async () => {
    expect(await refused([FLAKY])).toMatch(/say what to vary/);
    expect(await refused([FLAKY, '--vary', 'nosuch.restart.delay=1s'])).toMatch(/--vary nosuch.restart.delay=1s: no component named "nosuch".*components: netmon, e1000d, smolnetd/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay=soon'])).toMatch(/--vary e1000d.restart.delay=soon: components\[1\]\.restart\.delay: not a duration/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.dealy=1s'])).toMatch(/--vary e1000d.restart.dealy=1s: components\[1\]\.restart\.dealy: unknown field "dealy"/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay'])).toMatch(/expected <path>=<values>/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay=5..1'])).toMatch(/runs backwards/);
    expect(await refused([FLAKY, '--vary', '*.nothing.x=1'])).toMatch(/no component has "nothing"/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay=1s', '--vary', 'e1000d.restart.delay=2s'])).toMatch(/varied twice/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay=1s', '--objective', 'happiness:max'])).toMatch(/--objective: unknown objective "happiness"/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay=1s', '--constraint', 'reboots<<1'])).toMatch(/--constraint: "reboots<<1": write <metric><op><value>/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay=1s', '--constraint', 'restarts<=1%'])).toMatch(/% applies to a fraction/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay=1s', '--search', 'magic'])).toMatch(/--search: expected full or halving/);
    expect(await refused([FLAKY, '--vary', 'e1000d.restart.delay=1s', '--seeds', 'x'])).toMatch(/--seeds:/);
    expect(await refused(['--merge', 'no-such-file.json'])).toMatch(/--merge: no-such-file\.json: no such tune shard/);
    expect(await refused(['no-such.yaml', '--vary', 'a.b=1'])).toMatch(/no-such\.yaml: no such file/);
  });

  it('a restart written as a word cannot be varied field by field: it says how to write it', async () => {
    expect(await refused(['scenarios/anchors/systemd-onfailure-v255.yaml', '--vary', 'notify-normal.service.restart.delay=1s'])).toMatch(/notify-normal\.service\.restart is not a mapping \(written as "never"\)/);
  });
});

describe('recsim tune: output', () => {
  it('text: one row per setting, the front, the recommendation, the main effects', async () => {
    const r = await runCli(['tune', RENEWAL, '--vary', 'svc.restart.delay=1s,5min', '--vary', 'duration=20h', ...quick]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 settings x 6 seeds \(1\.\.6\), paired/);
    expect(r.stdout).toMatch(/^1 +1s +20h .*pareto, recommended$/m);
    expect(r.stdout).toMatch(/^2 +5min +20h /m);
    expect(r.stdout).toMatch(/Recommended: #1 svc\.restart\.delay=1s duration=20h/);
    expect(r.stdout).toMatch(/^svc\.restart\.delay +\d/m);
  });

  it('json has the documented shape; csv and markdown carry the same settings', async () => {
    const args = ['tune', RENEWAL, '--vary', 'svc.restart.delay=1s,5min', '--vary', 'duration=20h', ...quick];
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as { settings: { values: Record<string, string>; metrics: Record<string, { mean: number; lo: number; hi: number }> }[]; pareto: number[]; recommended: number };
    expect(json.settings.map((s) => s.values)).toEqual([{ 'svc.restart.delay': '1s', duration: '20h' }, { 'svc.restart.delay': '5min', duration: '20h' }]);
    const a = json.settings[0]!.metrics.availability!;
    expect(a.lo).toBeLessThanOrEqual(a.mean);
    expect(a.hi).toBeGreaterThanOrEqual(a.mean);
    expect(json.pareto).toEqual([0]);
    expect(json.recommended).toBe(0);
    const csv = (await runCli([...args, '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^setting,svc\.restart\.delay,duration,runs,availability_mean,/);
    expect((await runCli([...args, '--format', 'markdown'])).stdout).toMatch(/\| 1 \| 1s \| 20h \|/);
  });

  it('common random numbers: settings that differ only in a value the run never reaches give identical metrics', async () => {
    // The driver crashes about 12 times in 2 h: a restart limit of 1000 or of 2000 is never reached.
    const r = await runCli(['tune', FLAKY, '--vary', 'e1000d.restart.max_restarts=1000,2000', '--seeds', '1..4', '--workers', '0', '--format', 'json']);
    const json = JSON.parse(r.stdout) as { settings: { metrics: unknown }[]; pareto: number[] };
    expect(json.settings[0]!.metrics).toEqual(json.settings[1]!.metrics);
    expect(json.pareto).toEqual([0, 1]);
  });

  it('a constraint no setting meets says so instead of recommending', async () => {
    const r = await runCli(['tune', RENEWAL, '--vary', 'svc.restart.delay=1s,5min', '--vary', 'duration=20h', ...quick, '--constraint', 'restarts<=1/day']);
    expect(r.stdout).toMatch(/No setting on the Pareto front meets restarts<=1\/day/);
  });
});

describe('recsim tune --search halving', () => {
  const args = ['tune', RENEWAL, '--vary', 'svc.restart.delay=1s,1min,5min,10min', '--vary', 'duration=20h', '--seeds', '1..24', '--workers', '0', '--objective', 'availability', '--search', 'halving'];

  it('drops what is dominated with confidence, says how many runs it saved, and gives the same answer every time', async () => {
    const first = await runCli(args);
    expect(first.code, first.stderr).toBe(0);
    const saved = /(\d+) runs of 96, (\d+) saved/.exec(first.stdout);
    expect(saved, first.stdout).not.toBeNull();
    expect(Number(saved![2])).toBeGreaterThan(0);
    expect(first.stdout).toMatch(/dropped after round 1/);
    expect(first.stdout).toMatch(/Recommended: #1 svc\.restart\.delay=1s/);
    expect((await runCli(args)).stdout).toBe(first.stdout);
  });
});
