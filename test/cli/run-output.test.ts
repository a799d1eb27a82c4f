import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'recsim-run-output-'));

describe('recsim run says what it wrote, and documents itself', () => {
  test('--out and --html each get a line on stderr naming the file', async () => {
    const out = join(dir, 'trace.json');
    const html = join(dir, 'report.html');
    const { code, stderr } = await runCli(['run', 'scenarios/netstack-reboot.yaml', '--out', out, '--html', html]);
    expect(code).toBe(0);
    expect(stderr).toMatch(new RegExp(`^recsim run: wrote ${out} \\(the trace, \\d+ records; see it: recsim view ${out}\\)\n`));
    expect(stderr).toContain(`recsim run: wrote ${html} (a self-contained HTML report; open it in a browser)\n`);
    expect(existsSync(out) && existsSync(html)).toBe(true);
  });

  test('--html naming a directory is bad input, found before the run', async () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    const { code, stderr, stdout } = await runCli(['run', 'scenarios/netstack-reboot.yaml', '--html', join(dir, 'folder')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`recsim: --html ${join(dir, 'folder')}: is a directory; name a file, e.g. out/trace.json\n`);
  });

  test('run --help lists exit code 70 and the progress line; view --help documents --no-open', async () => {
    expect((await runCli(['run', '--help'])).stdout).toContain('70 a bug in recsim');
    expect((await runCli(['run', '--help'])).stdout).toContain('progress (virtual time, events/s, ETA)');
    expect((await runCli(['view', '--help'])).stdout).toMatch(/--no-open\s+only print the URL, do not start a browser/);
  });

  test('the event budget running out while time advances is not called a livelock', async () => {
    const file = join(dir, 'busy.yaml');
    writeFileSync(file, 'name: busy\nduration: 30d\nevent_budget: 20000\ncomponents:\n  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 1ms, mode: per-request } }\n');
    const { code, stdout } = await runCli(['run', file]);
    expect(code).toBe(3);
    expect(stdout).toContain('with virtual time still advancing');
    expect(stdout).not.toContain('without time advancing');
  });

  test('a loop at one instant still is', async () => {
    const file = join(dir, 'loop.yaml');
    writeFileSync(file, 'name: loop\nduration: 1min\nevent_budget: 20000\ncomponents:\n  - { name: a, restart: { when: always } }\n' +
      'faults:\n  - { at: 1s, crash: a }\n  - { when: { record: restart, component: a }, crash: a, times: 1000000 }\n');
    const { code, stdout } = await runCli(['run', file]);
    expect(code).toBe(3);
    expect(stdout).toContain('without time advancing');
  });
});
