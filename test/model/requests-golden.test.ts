import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import { serializeTrace } from '../../sim/trace/serialize.js';

/**
 * Issue 22: the arithmetic request mode's output on the demos (the YAML files
 * directly in scenarios/), pinned: the request figures of each run and a hash
 * of its whole trace. A change to how requests are counted (or to anything
 * else in the model) shows here first; when it is meant, regenerate with
 * RECSIM_UPDATE_GOLDEN=1 and say in the commit what moved and why.
 */

const GOLDEN = 'test/fixtures/golden/arithmetic-demos.json';

interface Pinned {
  events: number;
  lostRequests: number;
  refusedRequests: number;
  delayedRequests: number;
  requestDelayUs: number;
  traceSha256: string;
}

function demos(): string[] {
  return readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort().map((f) => join('scenarios', f));
}

function pin(file: string): Pinned {
  const trace = simulate(loadScenarioFile(file));
  const s = trace.summary;
  return {
    events: s.events,
    lostRequests: s.lostRequests,
    refusedRequests: s.refusedRequests ?? 0,
    delayedRequests: s.delayedRequests ?? 0,
    requestDelayUs: s.requestDelayUs ?? 0,
    traceSha256: createHash('sha256').update(serializeTrace(trace)).digest('hex'),
  };
}

describe('the arithmetic request mode on the demos (golden)', () => {
  const actual = Object.fromEntries(demos().map((file) => [file, pin(file)]));
  if (process.env.RECSIM_UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Pinned>;

  test('every demo is pinned, and some of them serve requests in arithmetic mode', () => {
    expect(Object.keys(golden).sort()).toEqual(demos());
    expect(demos().filter((f) => /requests:/.test(readFileSync(f, 'utf8')) && !/per-request/.test(readFileSync(f, 'utf8'))).length).toBeGreaterThan(0);
  });

  test.each(demos())('%s: same request figures and byte-identical trace as pinned', (file) => {
    expect(actual[file]).toEqual(golden[file]);
  });

  test.each(demos())('%s: a second run gives the same trace (determinism)', (file) => {
    expect(pin(file).traceSha256).toBe(actual[file]!.traceSha256);
  });
});
