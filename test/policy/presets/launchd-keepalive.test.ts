import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { registerCompareCommand } from '../../../sim/cli/commands/compare.js';
import type { TraceFile } from '../../../sim/trace/trace-file.js';
import { runYaml, story } from '../../helpers/scenario.js';

const S = 1_000_000;

/** Two jobs kept alive by launchd: one dies soon after its start, one long after. */
const trace = runYaml(`
name: launchd keeps jobs alive, at most one spawn per ThrottleInterval
duration: 1min
components:
  - { name: quick, preset: launchd-keepalive }
  - { name: steady, preset: launchd-keepalive }
faults:
  - { at: 3s, crash: quick }
  - { at: 12s, exit: quick }
  - { at: 30s, crash: steady }
`);

function startsOf(t: TraceFile, component: string): number[] {
  return t.records.filter((r) => r.type === 'state' && r.component === component && r.to === 'starting').map((r) => r.t);
}

describe('launchd-keepalive: KeepAlive=true, ThrottleInterval 10 s', () => {
  test('a job that crashes 3 s after its start is started again at its start + 10 s', () => {
    expect(story(trace, ['fault', 'decision', 'restart']).filter((l) => l.includes('quick'))).toEqual([
      '3.000s fault quick crash',
      '3.000s decision quick init:restart',
      '10.000s restart quick',
      // KeepAlive=true restarts after a clean exit too, throttled from the last start (10 s).
      '12.000s fault quick exit',
      '12.000s decision quick init:restart',
      '20.000s restart quick',
    ]);
  });

  test('a job that crashes 30 s after its start is started again at once', () => {
    expect(story(trace, ['fault', 'decision', 'restart']).filter((l) => l.includes('steady'))).toEqual([
      '30.000s fault steady crash',
      '30.000s decision steady init:restart',
      '30.000s restart steady',
    ]);
  });

  test('no job is spawned twice within 10 s (without ThrottleInterval quick would start again at 3 s)', () => {
    expect(startsOf(trace, 'quick')).toEqual([0, 10 * S, 20 * S]);
    for (const name of ['quick', 'steady']) {
      const starts = startsOf(trace, name);
      starts.slice(1).forEach((t, i) => expect(t - starts[i]!).toBeGreaterThanOrEqual(10 * S));
    }
  });

  test('recsim compare accepts it as a policy', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'recsim-launchd-')), 'table.txt');
    const program = new Command('recsim').exitOverride();
    registerCompareCommand(program);
    await program.parseAsync(['compare', 'scenarios/policies/storage-compare.yaml', '--policies', 'launchd-keepalive', '--seeds', '1..2', '--workers', '0', '--out', out], { from: 'user' });
    expect(readFileSync(out, 'utf8').split('\n').some((line) => line.startsWith('launchd-keepalive '))).toBe(true);
  });
});
