import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { explore } from '../helpers/explore-cli.js';
import { UsageError } from '../../sim/io/exit-codes.js';
import { ScenarioError } from '../../sim/format/errors.js';

afterEach(() => {
  process.exitCode = undefined;
});

describe('recsim explore (command line)', () => {
  it('rejects bad flags with a usage error (exit code 2 in main)', async () => {
    await expect(explore('scenarios/flawed/restart-storm.yaml', '--faults', 'crash,meteor')).rejects.toThrow(UsageError);
    await expect(explore('scenarios/flawed/restart-storm.yaml', '--runs', '0')).rejects.toThrow(/--runs/);
    await expect(explore('scenarios/flawed/restart-storm.yaml', '--seed', 'abc')).rejects.toThrow(UsageError);
    await expect(explore('scenarios/no-such-file.yaml')).rejects.toThrow(ScenarioError);
  });

  it('exits 1, writes the minimal scenario and its trace, and prints both replay commands', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'recsim-cli-'));
    const { stdout, exitCode } = await explore('scenarios/flawed/restart-storm.yaml', '--seed', '1', '--runs', '100', '--faults', 'crash,crash-loop', '--policy', '--out-dir', outDir);
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/FOUND policy violation no-restart-livelock/);
    expect(stdout).toMatch(/reproduces: checked/);
    expect(stdout).toMatch(/Replay the search: +recsim explore scenarios\/flawed\/restart-storm.yaml --seed 1 --runs 100 --faults crash,crash_loop --policy/);
    expect(readdirSync(outDir).sort()).toEqual(['restart-storm.no-restart-livelock.trace.json', 'restart-storm.no-restart-livelock.yaml']);
  });

  it('without --policy, a policy invariant broken is counted in the summary but is not a finding (exit 0)', async () => {
    const { stdout, exitCode } = await explore('scenarios/flawed/restart-storm.yaml', '--seed', '1', '--runs', '100', '--faults', 'crash,crash-loop', '--out-dir', tmpdir());
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/policy invariants broken, not counted as findings \(--policy counts them\): no-restart-livelock in \d+ runs?/);
    expect(stdout).toMatch(/Result: no violation found/);
  });

  it('exits 0 with a summary of what was tried when nothing breaks', async () => {
    const { stdout, exitCode } = await explore('scenarios/flawed/restart-storm.yaml', '--seed', '1', '--runs', '20', '--faults', 'shutdown', '--out-dir', tmpdir());
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/Tried: 20 of 20 runs, \d+ faults \(shutdown \d+\)/);
    expect(stdout).toMatch(/Result: no violation found/);
  });
});
