import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { addRun, emptyAccumulator, type PolicyAccumulator } from './accumulator.js';
import { runMetrics } from './run-metrics.js';

/**
 * Runs one policy's scenario for each seed and keeps only the sums: each
 * trace is reduced to a few numbers as soon as its run ends, then dropped.
 */
export function runChunk(scenario: Scenario, policy: string, seeds: readonly number[], afterEach?: () => void): PolicyAccumulator {
  const names = scenario.components.map((c) => c.name);
  const acc = emptyAccumulator(policy, names.length);
  for (const seed of seeds) {
    const trace = simulate(scenario, { seed });
    addRun(acc, runMetrics(trace.records, names, trace.summary));
    afterEach?.();
  }
  return acc;
}
