import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { terminalSafe } from '../../sim/io/terminal.js';
import { runCli } from './in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'recsim-terminal-'));

describe('what recsim prints to a terminal has its control characters escaped', () => {
  test('ESC, NUL, BEL, DEL and C1 controls become escapes; newlines too, unless the text is meant to span lines', () => {
    expect(terminalSafe('\x1b[2J\x1b[H')).toBe('\\e[2J\\e[H');
    expect(terminalSafe('a\nb\tc\0d\x07\x7f\x9b')).toBe('a\\nb\\tc\\x00d\\x07\\x7f\\x9b');
    expect(terminalSafe('line 1\nline\x1b 2\tcol', true)).toBe('line 1\nline\\e 2\tcol');
    expect(terminalSafe('café ✓ — ok')).toBe('café ✓ — ok');
  });

  test('a scenario named to clear the screen does not clear it: its summary shows the name escaped', async () => {
    const file = join(dir, 'clear.yaml');
    writeFileSync(file, 'name: "\\e[2J\\e[H"\nduration: 1s\ncomponents: [{ name: "a\\e[31m" }]\n');
    const { code, stdout } = await runCli(['run', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('\\e[2J\\e[H');
    expect(stdout).not.toContain('\x1b');
  });

  test('an error whose value holds a newline stays on one line', async () => {
    const file = join(dir, 'newline.yaml');
    writeFileSync(file, 'name: x\nduration: 1min\ncomponents: [{ name: a, depends: ["b\\nc"] }]\n');
    const { code, stderr } = await runCli(['run', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`recsim: ${file}:3:35 components[0].depends[0]: unknown component "b\\nc"\n`);
  });
});
