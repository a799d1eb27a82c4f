import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadScenarioFile } from '../../scenario/load.js';
import { runInChild } from './child-run.js';

/**
 * A system of `n` components written as a YAML file, one component a line:
 * 10 monitors, 8 drivers under them restarted on failure, then a tree of
 * services each depending on the one 8 places up (as scale.ts), and 4
 * stochastic crash streams on drivers. The drivers need `restart:`: without
 * it (the default is `never`) a driver crashed before the tree finished
 * starting stays stopped, and `recsim run` rightly says the boot never
 * completed (boot completes once every boot component runs at the same time,
 * sim/model/reactors/power.ts).
 */
export function scaleYaml(n: number, duration = '1min'): string {
  const lines = ['name: scale as YAML', `duration: ${duration}`, 'event_budget: 100000000', 'system: { heartbeat_period: 3s, on_dependency_stop: keep-dependents }', 'components:'];
  for (let m = 0; m < 10; m++) lines.push(`  - { name: mon${m}, kind: monitor }`);
  for (let i = 10; i < n; i++) {
    const parent = i < 18 ? undefined : 10 + Math.floor((i - 18) / 8);
    lines.push(parent === undefined ? `  - { name: c${i}, kind: driver, monitor: mon${i % 10}, restart: on-failure }` : `  - { name: c${i}, depends: [c${parent}] }`);
  }
  lines.push('faults:');
  for (const i of [10, 11, 12, 13]) lines.push(`  - { rate: 6/min, crash: c${i} }`);
  return `${lines.join('\n')}\n`;
}

/** One `recsim run` of a written scale file in its own process, in words. */
function runFigure(dir: string, n: number): string {
  const file = join(dir, `scale-${n}.yaml`);
  writeFileSync(file, scaleYaml(n));
  const run = runInChild(file);
  return `${n.toLocaleString('en')} components in ${run.wallSeconds.toFixed(2)} s, exit ${run.exitCode}, peak RSS ${run.maxRssMb?.toFixed(0)} MB`;
}

/** (i) Scale as a user meets it: YAML files loaded through the real front end. */
export function benchScaleYaml(dir: string): string {
  const small = join(dir, 'scale-1e5.yaml');
  writeFileSync(small, scaleYaml(100_000));
  const started = performance.now();
  loadScenarioFile(small);
  const loadSeconds = (performance.now() - started) / 1000;
  return `(i) scale as YAML: a 100,000-line scenario loads in ${loadSeconds.toFixed(2)} s (goal < 3 s);\n` +
    `    written one component a line, loaded and run for 1 virtual minute as \`recsim run\` (whole process): ` +
    `${runFigure(dir, 200_000)}; ${runFigure(dir, 1_000_000)} (goal < 15 s and 2 GB, exit 0)`;
}
