import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const BIN = 'bin/recsim.mjs';

/** Runs recsim with its stdout a pipe whose reader has already gone (`recsim ... | head -0`): its exit status and stderr. */
function withClosedStdout(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** What the same command does when its output is read to the end: the usual status. */
function usualStatus(args: readonly string[]): number | null {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).status;
}

/** The commands recsim lists in its help (the CLI's own registry), asked once. */
let listed: string[] | undefined;
function commands(): string[] {
  return (listed ??= listedInHelp());
}
function listedInHelp(): string[] {
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout;
  return [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
}

describe('a closed stdout (a reader that stops early, `| head`) ends the command quietly, with its usual status', () => {
  test('the commands are read from the help (at least run, explore, compare)', () => {
    expect(commands()).toEqual(expect.arrayContaining(['run', 'explore', 'compare']));
  });

  test.each(commands())('%s --help', async (command) => {
    expect(await withClosedStdout([command, '--help'])).toEqual({ status: 0, stderr: '' });
  });

  test.each([['run scenarios/flaky-driver.yaml'], ['schema']])('%s (real output)', async (line) => {
    const args = line.split(' ');
    expect(await withClosedStdout(args)).toEqual({ status: usualStatus(args), stderr: '' });
  });

  test('a bad scenario still says so on stderr, exit 2', async () => {
    const result = await withClosedStdout(['run', 'scenarios/no-such-file.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^recsim: .*no such file/);
  });
});
