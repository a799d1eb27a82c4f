import { parseScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/types.js';

/** How the bench system's load is counted and how often its faults strike. */
export interface BenchSystemOptions {
  /** The drivers' request mode (default: the scenario default, arithmetic). */
  requestMode?: 'arithmetic' | 'per-request';
  /** Crashes of each driver and hangs of every third service, per virtual hour (default 1). */
  faultsPerHour?: number;
}

/**
 * A 50-component system for the model benchmark: 5 monitors, 15 drivers
 * serving requests, 30 services in layers on them, heartbeats every 3 s and
 * stochastic crashes and hangs, over `duration`.
 */
export function benchSystemYaml(duration: string, requestRatePerS: number, options: BenchSystemOptions = {}): string {
  const mode = options.requestMode === undefined ? '' : `, mode: ${options.requestMode}`;
  const faultRate = `${options.faultsPerHour ?? 1}/h`;
  const lines = [
    'name: bench system (50 components)',
    `duration: ${duration}`,
    'event_budget: 1000000000',
    'system: { heartbeat_period: 3s }',
    'components:',
  ];
  for (let m = 0; m < 5; m++) lines.push(`  - { name: mon${m}, kind: monitor, restart: { when: on-failure, delay: 1s } }`);
  for (let d = 0; d < 15; d++) {
    lines.push(
      `  - { name: drv${d}, kind: driver, monitor: mon${d % 5}, restart: { when: on-failure, delay: 500ms }, ` +
        `requests: { rate: ${requestRatePerS}/s, service_time: 5ms, clients: ${d % 2 ? 'char' : 'block'}${mode} } }`,
    );
  }
  for (let s = 0; s < 30; s++) {
    const dep = s < 15 ? `drv${s}` : `svc${s - 15}`;
    lines.push(
      `  - { name: svc${s}, monitor: mon${s % 5}, depends: [${dep}], restart: { when: on-failure, delay: 200ms }, ` +
        `dirty_data: { write_rate: 100KB/s, flush_every: 5s } }`,
    );
  }
  lines.push('faults:');
  for (let d = 0; d < 15; d++) lines.push(`  - { rate: ${faultRate}, crash: drv${d} }`);
  for (let s = 0; s < 30; s += 3) lines.push(`  - { rate: ${faultRate}, hang: svc${s} }`);
  return `${lines.join('\n')}\n`;
}

export function benchSystem(duration: string, requestRatePerS: number, options: BenchSystemOptions = {}): Scenario {
  return parseScenario(benchSystemYaml(duration, requestRatePerS, options), 'bench-system.yaml');
}
