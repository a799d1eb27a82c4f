import { parseScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/types.js';

/**
 * A 50-component system for the model benchmark: 5 monitors, 15 drivers
 * serving requests, 30 services in layers on them, heartbeats every 3 s and
 * stochastic crashes and hangs, over `duration`.
 */
export function benchSystemYaml(duration: string, requestRatePerS: number): string {
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
        `requests: { rate: ${requestRatePerS}/s, service_time: 5ms, clients: ${d % 2 ? 'char' : 'block'} } }`,
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
  for (let d = 0; d < 15; d++) lines.push(`  - { rate: 1/h, crash: drv${d} }`);
  for (let s = 0; s < 30; s += 3) lines.push(`  - { rate: 1/h, hang: svc${s} }`);
  return `${lines.join('\n')}\n`;
}

export function benchSystem(duration: string, requestRatePerS: number): Scenario {
  return parseScenario(benchSystemYaml(duration, requestRatePerS), 'bench-system.yaml');
}
