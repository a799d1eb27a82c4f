import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../sim/format/errors.js';
import type { TuneHeader } from '../../sim/tune/data.js';
import { TUNE_METRICS } from '../../sim/tune/objectives.js';
import { parseTunePartial, serializeTunePartial, type RunEntry } from '../../sim/tune/partial.js';

const header: TuneHeader = {
  scenario: 'scenarios/netstack-reboot.yaml',
  paths: ['e1000d.restart.delay'],
  settings: [['1s'], ['5s']],
  durationsUs: [60_000_000, 60_000_000],
  seeds: [1, 2, 3],
  objectives: 'availability',
  constraints: [],
};
const row = TUNE_METRICS.map((_, i) => i / 10);
const runs: RunEntry[] = [[0, 1, row], [0, 2, row], [1, 3, row]];

/** Writes a shard as `tune --shard` does, lets `damage` change its JSON, and parses it back. */
function parsed(damage: (json: Record<string, unknown>) => void = () => {}): ReturnType<typeof parseTunePartial> {
  const json = JSON.parse(serializeTunePartial(header, { index: 1, count: 2 }, runs)) as Record<string, unknown>;
  damage(json);
  return parseTunePartial(JSON.stringify(json, null, 1), 'shard-1.json');
}

function problem(damage: (json: Record<string, unknown>) => void): string {
  try {
    parsed(damage);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error('the damaged shard was accepted');
}

describe('a tune shard is read through the shared schema of partial results', () => {
  it('what tune --shard writes reads back as it was', () => {
    expect(parsed()).toEqual({ header, shard: { index: 1, count: 2 }, runs });
  });

  it('a damaged shard is refused with its file, line and field', () => {
    expect(problem((j) => ((j.runs as RunEntry[])[2]![1] = 99))).toMatch(/^shard-1\.json:\d+:\d+ runs\[2\]\[1\]: seed 99 is not among the seeds "1\.\.3"/);
    expect(problem((j) => ((j.runs as RunEntry[])[0]![0] = 2))).toMatch(/runs\[0\]\[0\]: no setting 2 \(there are 2\)/);
    expect(problem((j) => ((j.runs as RunEntry[])[1]![2] = [1, 2]))).toMatch(new RegExp(`runs\\[1\\]\\[2\\]: expected ${TUNE_METRICS.length} metrics`));
    expect(problem((j) => ((j.settings as string[][])[1] = ['5s', 'x']))).toMatch(/settings\[1\]: 2 values for 1 paths/);
    expect(problem((j) => (j.shard = { index: 3, count: 2 }))).toMatch(/shard\.index: shard 3 of 2/);
    expect(problem((j) => (j.format = 'recsim-compare-partial'))).toMatch(/format: must be one of "recsim-tune-partial"/);
  });
});
