import { RunMetricsCollector } from '../compare/run-metrics.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { runRow } from './objectives.js';

/**
 * Runs one setting's scenario on each seed and keeps one row of metrics per
 * run, never the trace. Faults are drawn from streams named by fault and
 * target, never by setting, so the same seed gives the same fault schedule
 * under every setting (common random numbers): differences are paired.
 */
export function runSetting(scenario: Scenario, seeds: readonly number[], afterEach?: () => void): number[][] {
  const names = scenario.components.map((c) => c.name);
  return seeds.map((seed) => {
    const metrics = new RunMetricsCollector(names);
    const trace = simulate(scenario, { seed, maxRecordsInMemory: 0, sinks: [metrics.sink] });
    afterEach?.();
    return runRow(metrics.metrics(trace.summary), scenario.durationUs);
  });
}
