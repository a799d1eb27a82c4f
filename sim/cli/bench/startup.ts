import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const BIN = new URL('../../../../bin/recsim.mjs', import.meta.url);

function medianSeconds(args: string[], times = 5): number {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { encoding: 'utf8' });
    runs.push((performance.now() - started) / 1000);
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
}

/** (h) Start-up: whole processes, median of 5, beside node's own start-up measured the same way. */
export function benchStartup(): string {
  const node = medianSeconds(['-e', '0']);
  const version = medianSeconds([BIN.pathname, '--version']);
  const run = medianSeconds([BIN.pathname, 'run', 'scenarios/netstack-reboot.yaml']);
  return `(h) start-up, whole processes, median of 5 (node itself: ${node.toFixed(2)} s):\n` +
    `    recsim --version ${version.toFixed(2)} s (${(version - node).toFixed(2)} s beyond node; goal < 0.2 s), ` +
    `recsim run scenarios/netstack-reboot.yaml ${run.toFixed(2)} s (${(run - node).toFixed(2)} s beyond node; goal < 0.2 s of start-up)`;
}
