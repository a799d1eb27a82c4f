import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { addRun, emptyAccumulator, type PolicyAccumulator } from './accumulator.js';
import { RunMetricsCollector } from './run-metrics.js';
import { servingSpecOf } from '../trace/serving-time.js';

/**
 * Runs one policy's scenario for each seed and keeps only the sums: each
 * run is reduced to a few numbers as its records are written; none is kept.
 */
export function runChunk(scenario: Scenario, policy: string, seeds: readonly number[], afterEach?: () => void): PolicyAccumulator {
  const specs = scenario.components.map(servingSpecOf);
  const acc = emptyAccumulator(policy, specs.length);
  for (const seed of seeds) {
    const metrics = new RunMetricsCollector(specs);
    const trace = simulate(scenario, { seed, maxRecordsInMemory: 0, sinks: [metrics.sink] });
    addRun(acc, metrics.metrics(trace.summary), seed);
    afterEach?.();
  }
  return acc;
}
