import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../sim/scenario/load.js';
import { passed, simulate } from '../sim/simulate.js';
import { serializeTrace } from '../sim/trace/serialize.js';

/** Every scenario file shipped under scenarios/, except the flawed ones (inputs for `recsim explore`). */
function bundledScenarios(dir = 'scenarios'): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'flawed' || name === 'found' ? [] : bundledScenarios(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe.each(bundledScenarios())('%s', (file) => {
  test('passes its expect block, with no unexpected invariant violation', () => {
    const scenario = loadScenarioFile(file);
    const trace = simulate(scenario);
    const failed = trace.summary.expectations.filter((e) => !e.ok).map((e) => `${e.what}: got ${e.actual}`);
    expect(failed).toEqual([]);
    expect(passed(trace, scenario)).toBe(true);
  });

  test('runs twice to byte-identical traces', () => {
    const scenario = loadScenarioFile(file);
    expect(serializeTrace(simulate(scenario))).toBe(serializeTrace(simulate(scenario)));
  });
});

test('a different seed changes a stochastic scenario', () => {
  const scenario = loadScenarioFile('scenarios/flaky-driver.yaml');
  expect(serializeTrace(simulate(scenario, { seed: 1 }))).not.toBe(serializeTrace(simulate(scenario, { seed: 2 })));
});
