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

const CHILD = new URL('./storm-child.js', import.meta.url);

export function benchStorm(): string {
  const dir = mkdtempSync(join(tmpdir(), 'recsim-storm-'));
  const file = join(dir, 'storm.yaml');
  writeFileSync(file, STORM_YAML);
  const started = performance.now();
  const child = spawnSync(process.execPath, [CHILD.pathname, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(child.stderr.trim().split('\n').at(-1) ?? '{}') as { maxRssMb?: number; exitCode?: number; events?: number };
  return `(e) restart storm (restart: always, delay 0; crash on every start; default budget 5,000,000 events), as \`recsim run\`:\n` +
    `    exit ${report.exitCode} in ${seconds.toFixed(2)} s (goal: exit 3 in < 5 s), peak RSS ${report.maxRssMb?.toFixed(0)} MB (goal < 300)`;
}
