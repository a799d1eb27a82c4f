import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { runCampaign } from '../../compare/campaign.js';
import { parseScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/types.js';

/**
 * A 50-component system for the compare benchmark: 5 monitors, 15 drivers
 * (the first three critical), 30 services layered on them, heartbeats every
 * 3 s, light request load, and stochastic crashes, hangs, kills and failed
 * starts over one hour.
 */
export function compareBenchYaml(): string {
  const lines = ['name: compare bench (50 components, 1 h)', 'duration: 1h', 'event_budget: 100000000', 'system: { heartbeat_period: 3s }', 'components:'];
  for (let m = 0; m < 5; m++) lines.push(`  - { name: mon${m}, kind: monitor }`);
  for (let d = 0; d < 15; d++) {
    lines.push(`  - { name: drv${d}, kind: driver, monitor: mon${d % 5}${d < 3 ? ', critical: true' : ''}, requests: { rate: 0.1/s, service_time: 5ms, clients: ${d % 2 ? 'char' : 'block'} } }`);
  }
  for (let s = 0; s < 30; s++) {
    const dep = s < 15 ? `drv${s}` : `svc${s - 15}`;
    lines.push(`  - { name: svc${s}, monitor: mon${s % 5}, depends: [${dep}], dirty_data: { write_rate: 100KB/s, flush_every: 5s } }`);
  }
  lines.push('faults:');
  for (let d = 0; d < 15; d++) lines.push(`  - { rate: 1/h, crash: drv${d} }`);
  for (let s = 0; s < 30; s += 3) lines.push(`  - { rate: 1/h, hang: svc${s} }`);
  for (let s = 1; s < 30; s += 3) lines.push(`  - { rate: 2/h, kill: svc${s} }`);
  for (let s = 2; s < 30; s += 6) lines.push(`  - { rate: 2/h, fail_start: svc${s} }`);
  return `${lines.join('\n')}\n`;
}

export function compareBenchScenario(): Scenario {
  return parseScenario(compareBenchYaml(), 'compare-bench.yaml');
}

const POLICIES = ['systemd-default', 'k8s-crashloop', 'minix-rs', 'otp-one-for-one'];

/**
 * `recsim compare` throughput: 4 presets x 250 seeds = 1000 runs of the
 * 50-component, 1-hour scenario on worker threads (one per core), then the
 * peak resident memory. A 250-run campaign runs first: the peak should not
 * grow with the seed count, since campaigns keep sums, never traces.
 */
export async function benchCompare(): Promise<string> {
  const scenario = compareBenchScenario();
  const workers = availableParallelism();
  const lines: string[] = [];
  const measure = async (seeds: number): Promise<{ runs: number; seconds: number; peakMb: number }> => {
    const started = performance.now();
    const result = await runCampaign(scenario, { policies: POLICIES, seeds: Array.from({ length: seeds }, (_, i) => i + 1), workers });
    const seconds = (performance.now() - started) / 1000;
    return { runs: result.policies.reduce((n, p) => n + p.runs, 0), seconds, peakMb: process.resourceUsage().maxRSS / 1024 };
  };
  const small = await measure(63);
  const big = await measure(250);
  lines.push(
    `(c) compare, ${scenario.components.length} components x 1 h, ${POLICIES.length} presets, ${workers} workers: ` +
      `${big.runs} runs in ${big.seconds.toFixed(1)} s = ${(big.runs / big.seconds).toFixed(1)} runs/s (goal: 1000 runs in under 30 s)`,
  );
  lines.push(`    peak RSS ${small.peakMb.toFixed(0)} MB after ${small.runs} runs, ${big.peakMb.toFixed(0)} MB after ${big.runs} more (campaigns keep sums, not traces)`);
  return lines.join('\n');
}
