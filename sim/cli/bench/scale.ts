import { resolveScenario } from '../../scenario/resolve.js';
import { scenarioSchema } from '../../scenario/schema.js';
import type { Scenario } from '../../scenario/types.js';
import { validateScenario } from '../../scenario/validate.js';

/**
 * A system of `n` components for the scale benchmark (d): 10 monitors, then
 * a tree of services, each depending on the one 8 places up (depth about
 * log8 n, so boot takes a few start latencies), restarted on failure, with
 * heartbeats and a few stochastic crashes. Built as the file's data and put
 * through the real front end (schema, resolve, validate), minus YAML text.
 */
export function scaleScenario(n: number, duration = '1min'): Scenario {
  const components: Record<string, unknown>[] = [];
  for (let m = 0; m < 10; m++) components.push({ name: `mon${m}`, kind: 'monitor' });
  for (let i = 10; i < n; i++) {
    const parent = i < 18 ? undefined : 10 + Math.floor((i - 18) / 8);
    components.push({
      name: `c${i}`,
      monitor: `mon${i % 10}`,
      ...(parent === undefined ? { kind: 'driver' } : { depends: [`c${parent}`] }),
      restart: { when: 'on-failure', delay: '1s' },
    });
  }
  const faults = [10, 11, 12, 13].map((i) => ({ rate: '6/min', crash: `c${i}` }));
  const input = scenarioSchema.parse({
    name: `scale: ${n} components`,
    duration,
    event_budget: 100_000_000,
    // Dependents keep running when a provider crashes (R4's Redox default would take down the crashed root's whole subtree each time: a storm, not a scale test).
    system: { heartbeat_period: '3s', on_dependency_stop: 'keep-dependents' },
    components,
    faults,
  });
  const scenario = resolveScenario(input);
  validateScenario(scenario);
  return scenario;
}
