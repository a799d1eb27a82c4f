import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// Runs the built CLI (npm test builds first), as a user would.
function recsim(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/recsim.mjs', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('recsim run', () => {
  test('prints the story and the checks, and exits 0 when they pass', () => {
    const { code, stdout } = recsim('run', 'scenarios/netstack-reboot.yaml');
    expect(code).toBe(0);
    expect(stdout).toContain('reboot requested by component_manager (culprit /core/network/netstack)');
    expect(stdout).toContain('Reboots: 1 graceful, 0 ungraceful');
    expect(stdout).toContain('Result: PASS');
  });

  test('--json prints the machine summary', () => {
    const { code, stdout } = recsim('run', 'scenarios/netstack-reboot.yaml', '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ seed: 1, reboots: { graceful: 1, ungraceful: 0 }, passed: true });
  });

  test('--out writes the same bytes for the same seed, other bytes for another seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-'));
    const files = ['a', 'b', 'c'].map((n) => join(dir, `${n}.json`));
    recsim('run', 'scenarios/flaky-driver.yaml', '--seed', '4', '--out', files[0]!);
    recsim('run', 'scenarios/flaky-driver.yaml', '--seed', '4', '--out', files[1]!);
    recsim('run', 'scenarios/flaky-driver.yaml', '--seed', '5', '--out', files[2]!);
    const [a, b, c] = files.map((f) => readFileSync(f, 'utf8'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(JSON.parse(a!)).toMatchObject({ format: 'recsim-trace', version: 1, seed: 4 });
  });

  test('--until shortens the run', () => {
    const { stdout } = recsim('run', 'scenarios/netstack-reboot.yaml', '--until', '10s', '--json');
    expect(JSON.parse(stdout).endUs).toBe(10_000_000);
  });

  test('exit code 1 when an expectation fails, naming it', () => {
    const { code, stdout } = recsim('run', 'test/fixtures/scenarios/failing-expectation.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain('✗ restarts = 2: got 1');
  });

  test('exit code 2 and one line for bad input, never a stack trace', () => {
    for (const args of [['run', 'no/such.yaml'], ['run', 'scenarios/netstack-reboot.yaml', '--seed', 'x'], ['run', 'scenarios/netstack-reboot.yaml', '--until', '5 minutes'], ['frobnicate']]) {
      const { code, stderr } = recsim(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(recsim('run', 'scenarios/netstack-reboot.yaml', '--seed', 'x').stderr).toBe('recsim: --seed: expected a non-negative integer, got "x"\n');
  });

  test('exit code 3 when the event budget is exhausted', () => {
    const { code, stdout } = recsim('run', 'test/fixtures/scenarios/restart-loop.yaml');
    expect(code).toBe(3);
    expect(stdout).toContain('EVENT BUDGET EXHAUSTED');
  });
});

describe('recsim run --out', () => {
  test('a directory as --out is bad input named in one line, before the run', () => {
    const { code, stdout, stderr } = recsim('run', 'scenarios/netstack-reboot.yaml', '--out', tmpdir());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`recsim: --out ${tmpdir()}: is a directory; name a file, e.g. out/trace.json`);
  });
});
