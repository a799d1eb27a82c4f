import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import { serializeTrace } from '../../sim/trace/serialize.js';
import { TraceStreamWriter } from '../../sim/trace/stream-writer.js';

describe('a trace streamed to disk while the run goes on', () => {
  test.each(['scenarios/netstack-reboot.yaml', 'scenarios/storage-stack.yaml', 'scenarios/flawed/restart-storm.yaml'])(
    '%s: the streamed file has the bytes serializeTrace writes for the same run, with nothing kept in memory',
    (file) => {
      const scenario = loadScenarioFile(file);
      const path = join(mkdtempSync(join(tmpdir(), 'recsim-stream-')), 'trace.json');
      const streamed = simulate(scenario, { output: new TraceStreamWriter(openSync(path, 'w')), maxRecordsInMemory: 0 });
      expect(streamed.records).toEqual([]);
      expect(streamed.summary.recordsKept).toBeUndefined();
      const inMemory = simulate(scenario);
      expect(readFileSync(path, 'utf8')).toBe(serializeTrace(inMemory));
      expect(JSON.parse(readFileSync(path, 'utf8')).records).toHaveLength(inMemory.summary.records);
    },
  );

  test('a cap on records in memory keeps the first ones and says so; counts and checks still see every record', () => {
    const scenario = loadScenarioFile('scenarios/storage-stack.yaml');
    const whole = simulate(scenario);
    const capped = simulate(scenario, { maxRecordsInMemory: 10 });
    expect(capped.records).toEqual(whole.records.slice(0, 10));
    expect(capped.summary.recordsKept).toBe(10);
    expect({ ...capped.summary, recordsKept: undefined }).toEqual({ ...whole.summary, recordsKept: undefined });
  });
});
