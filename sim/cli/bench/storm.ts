import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * (e) The restart storm users model: a component restarted at once, forever,
 * that crashes every time it starts, under the default event budget. Run as
 * `recsim run` in a child process so its peak RSS is its own.
 */
export const STORM_YAML = `name: restart storm
duration: 1h
components:
  - { name: a, restart: { when: always, delay: 0s } }
faults:
  - { when: { record: state, component: a }, times: 1000000000, crash: a }
`;

/**
 * The same storm with virtual time advancing: restarted 1 ms after each crash,
 * so the run is the model's own events (restart timers, starts, faults, their
 * stale start-done timers) until the budget, not one instant that never ends.
 */
export const STORM_1MS_YAML = STORM_YAML.replace('delay: 0s', 'delay: 1ms');

const CHILD = new URL('./storm-child.js', import.meta.url);

/** Default event budget (sim/scenario): both storms run to it. */
const STORM_EVENTS = 5_000_000;

interface StormReport {
  maxRssMb?: number;
  exitCode?: number;
  cpuS?: number;
}

function runStorm(yaml: string): { seconds: number; report: StormReport } {
  const dir = mkdtempSync(join(tmpdir(), 'recsim-storm-'));
  const file = join(dir, 'storm.yaml');
  writeFileSync(file, yaml);
  const started = performance.now();
  const child = spawnSync(process.execPath, [CHILD.pathname, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, report: JSON.parse(child.stderr.trim().split('\n').at(-1) ?? '{}') as StormReport };
}

export function benchStorm(): string {
  const still = runStorm(STORM_YAML);
  const moving = runStorm(STORM_1MS_YAML);
  const perEventUs = moving.report.cpuS === undefined ? NaN : (moving.report.cpuS * 1e6) / STORM_EVENTS;
  return `(e) restart storm (restart: always, delay 0; crash on every start; default budget 5,000,000 events), as \`recsim run\`:\n` +
    `    exit ${still.report.exitCode} in ${still.seconds.toFixed(2)} s (goal: exit 3 in < 5 s), peak RSS ${still.report.maxRssMb?.toFixed(0)} MB (goal < 300)\n` +
    `    the same with \`delay: 1ms\` (time advances; 5,000,000 events): exit ${moving.report.exitCode} in ${moving.seconds.toFixed(2)} s, ` +
    `${moving.report.cpuS?.toFixed(2)} s CPU = ${perEventUs.toFixed(2)} µs per event, start-up included (goal: about 1), peak RSS ${moving.report.maxRssMb?.toFixed(0)} MB (goal < 300)`;
}
