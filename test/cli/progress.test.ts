import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatEta, formatVirtual, progressLine, runProgress } from '../../sim/cli/progress.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import { serializeTrace } from '../../sim/trace/serialize.js';
import { runCli } from './in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'recsim-progress-'));
const busy = join(dir, 'busy.yaml');
writeFileSync(busy, 'name: busy\nduration: 1h\ncomponents:\n  - { name: disk, kind: driver, requests: { rate: 100/s, service_time: 1ms, mode: per-request } }\n');

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream, written };
}

describe('progress on a terminal, nothing when piped', () => {
  test('on a terminal the line shows virtual time, events/s and an ETA, and is cleared at the end', () => {
    const { stream, written } = fakeStream(true);
    const line = progressLine(stream);
    runProgress(line, 3_600_000_000)(900_000_000, 50_000);
    line.done();
    expect(written[0]).toMatch(/^\r\x1b\[2Krun: virtual 15min of 1h \(25%\), [\d,]+ events\/s, ETA \d+ s$/);
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });

  test('piped, nothing at all is written', () => {
    const { stream, written } = fakeStream(false);
    const line = progressLine(stream);
    runProgress(line, 1000)(500, 10);
    line.done();
    expect(written).toEqual([]);
  });

  test('virtual time reads to the second', () => {
    expect([formatVirtual(0), formatVirtual(402_597_007), formatVirtual(2 * 86_400_000_000 + 3_600_000_000 + 5_000_000)]).toEqual(['0s', '6min 42s', '2d 1h 5s']);
  });

  test('the ETA reads in seconds, minutes or hours', () => {
    expect([formatEta(42.4), formatEta(185), formatEta(7300), formatEta(Infinity)]).toEqual(['42 s', '3 min 5 s', '2 h 1 min', '?']);
  });

  test('a run reports progress through its callback, and the trace is the same with or without it', () => {
    const scenario = loadScenarioFile(busy);
    const seen: number[] = [];
    const a = simulate(scenario, { onProgress: (atUs) => seen.push(atUs) });
    const b = simulate(scenario);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(serializeTrace(a)).toBe(serializeTrace(b));
  });

  test('`recsim run` piped prints the same bytes as before: no progress on a non-terminal stderr', async () => {
    const piped = await runCli(['run', busy], { stderrIsTTY: false });
    expect(piped.stderr).toBe('');
    const tty = await runCli(['run', busy], { stderrIsTTY: true });
    expect(tty.stdout).toBe(piped.stdout);
  });
});
