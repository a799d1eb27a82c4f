import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { explore } from '../../helpers/explore-cli.js';
import { UsageError } from '../../../sim/io/exit-codes.js';
import { EXPLORE_FAULT_KINDS } from '../../../sim/explore/vocabulary.js';

afterEach(() => {
  process.exitCode = undefined;
});

/** The output without the line that carries wall-clock figures. */
const counts = (stdout: string): string => stdout.split('\n').filter((l) => !/ s \(\d+ runs\/s\)/.test(l)).join('\n');

describe('recsim explore --exhaustive (command line)', () => {
  it('prints a one-line certificate when nothing breaks, exit 0, and the same counts twice', async () => {
    const args = ['scenarios/netstack-reboot.yaml', '--exhaustive', '--kinds', 'all', '--workers', '1'];
    const first = await explore(...args);
    expect(first.exitCode).toBe(0);
    // Every kind explore knows (the registry's, with the crash loop): a new kind is counted here without a word.
    expect(first.stdout).toMatch(new RegExp(`^Result: no violation: depth 1, ${EXPLORE_FAULT_KINDS.length} fault kinds, 4 targets, \\d+ points, [\\d,]+ cases \\([\\d,]+ distinct states\\)$`, 'm'));
    const second = await explore(...args);
    expect(counts(second.stdout)).toBe(counts(first.stdout));
    // Two worker threads: other runs and skips (each thread deduplicates alone), the same certificate.
    const threaded = await explore(...args.slice(0, -1), '2');
    const certificate = (s: string): string | undefined => s.split('\n').find((l) => l.startsWith('Result:'));
    expect(certificate(threaded.stdout)).toBe(certificate(first.stdout));
  });

  it('finds a flaw, exit 1, and writes a scenario that replays it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-exhaustive-cli-'));
    const { stdout, exitCode } = await explore('scenarios/flawed/supervisor-dispatch-if-started.yaml', '--exhaustive', '--workers', '1', '--out-dir', dir);
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/^FOUND no-event-lost in \d+ cases; the first: crash \/core\/network\/netstack at /m);
    expect(stdout).toContain('(recsim run replays it: checked)');
  });

  it('--json for machines; --shard i/n and --merge give the result of the whole search', async () => {
    const file = 'scenarios/flawed/simultaneous-shutdown.yaml';
    const whole = JSON.parse((await explore(file, '--exhaustive', '--workers', '1', '--json', '--out-dir', mkdtempSync(join(tmpdir(), 'x-')))).stdout);
    expect(whole.findings.map((f: { invariant: string }) => f.invariant)).toEqual(['shutdown-stops-dependents-first']);
    expect(whole.written[0].replays).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'recsim-exhaustive-shards-'));
    const files: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const { stdout, exitCode } = await explore(file, '--exhaustive', '--workers', '1', '--shard', shard);
      expect(exitCode).toBe(0);
      const out = join(dir, `${shard.replace('/', 'of')}.json`);
      writeFileSync(out, stdout);
      files.push(out);
    }
    const merged = await explore(file, '--exhaustive', '--json', '--merge', ...files, '--out-dir', dir);
    expect(merged.exitCode).toBe(1);
    const result = JSON.parse(merged.stdout);
    for (const key of ['cases', 'points', 'distinctStates', 'findings']) expect(result[key], key).toEqual(whole[key]);
    await expect(explore(file, '--exhaustive', '--merge', files[0]!)).rejects.toThrow(/do not cover/);
  });

  it('rejects bad flags with a usage error (exit code 2 in main)', async () => {
    const file = 'scenarios/netstack-reboot.yaml';
    await expect(explore(file, '--exhaustive', '--depth', '3')).rejects.toThrow(UsageError);
    await expect(explore(file, '--exhaustive', '--targets', 'some')).rejects.toThrow(/--targets/);
    await expect(explore(file, '--exhaustive', '--shard', '3/2')).rejects.toThrow(/--shard/);
    await expect(explore(file, '--exhaustive', '--kinds', 'crash,meteor')).rejects.toThrow(/meteor/);
    await expect(explore(file, '--depth', '2')).rejects.toThrow(/only with --exhaustive/);
    await expect(explore(file, '--exhaustive', '--merge', 'no-such-file.json')).rejects.toThrow(/no-such-file.json: no such shard file/);
  });
});
