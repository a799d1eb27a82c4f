import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const CHILD = new URL('./run-child.js', import.meta.url);

/** What a `recsim run` in its own process did: exit code, wall time of the whole process and of the command, peak RSS. */
export interface ChildRun {
  exitCode?: number;
  wallSeconds: number;
  seconds?: number;
  maxRssMb?: number;
  stdout: string;
}

/** Runs `recsim run <file>` in a child process, so its time and peak RSS are its own. */
export function runInChild(file: string): ChildRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, [CHILD.pathname, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallSeconds = (performance.now() - started) / 1000;
  const report = JSON.parse(child.stderr.trim().split('\n').at(-1) ?? '{}') as Omit<ChildRun, 'wallSeconds' | 'stdout'>;
  return { ...report, wallSeconds, stdout: child.stdout };
}
