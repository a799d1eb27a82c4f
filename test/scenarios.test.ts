import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../sim/scenario/load.js';
import type { Scenario } from '../sim/scenario/types.js';
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
  // The first run serves both tests: it is checked, then compared with a second, independent run.
  let first: { scenario: Scenario; trace: ReturnType<typeof simulate> } | undefined;
  const firstRun = (): { scenario: Scenario; trace: ReturnType<typeof simulate> } => {
    if (first === undefined) {
      const scenario = loadScenarioFile(file);
      first = { scenario, trace: simulate(scenario) };
    }
    return first;
  };

  test('passes its expect block, with no unexpected invariant violation', () => {
    const { scenario, trace } = firstRun();
    const failed = trace.summary.expectations.filter((e) => !e.ok).map((e) => `${e.what}: got ${e.actual}`);
    expect(failed).toEqual([]);
    expect(passed(trace, scenario)).toBe(true);
  });

  test('runs twice to byte-identical traces', () => {
    const { trace } = firstRun();
    expect(serializeTrace(simulate(loadScenarioFile(file)))).toBe(serializeTrace(trace));
  });
});

test('a different seed changes a stochastic scenario', () => {
  const scenario = loadScenarioFile('scenarios/flaky-driver.yaml');
  expect(serializeTrace(simulate(scenario, { seed: 1 }))).not.toBe(serializeTrace(simulate(scenario, { seed: 2 })));
});
