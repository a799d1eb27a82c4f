import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.js';
import { runSetting } from './run-setting.js';
import type { TuneTask, TuneTaskResult } from './worker.js';

/** One unit of work: a setting on some seeds. */
export interface Job {
  setting: number;
  seeds: number[];
}

function workerUrl(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/sim/tune/worker.js', here) : new URL('./worker.js', here);
  if (!existsSync(fileURLToPath(url))) throw new Error(`the tune worker is not built (${fileURLToPath(url)}); run \`npm run build\``);
  return url;
}

/**
 * Runs jobs in this thread (workers 0) or on worker threads, and returns each
 * job's rows in job order. Each row depends only on its scenario and seed, so
 * the result does not depend on the number of workers or their timing.
 */
export async function runJobs(scenarios: readonly Scenario[], jobs: readonly Job[], workers: number, onRun?: () => void): Promise<number[][][]> {
  if (workers <= 0 || jobs.length <= 1) return jobs.map((job) => runSetting(scenarios[job.setting]!, job.seeds, onRun));
  const results: number[][][] = new Array(jobs.length);
  const url = workerUrl();
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(url, { workerData: { scenarios } }));
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              worker.postMessage({ id, setting: jobs[id]!.setting, seeds: jobs[id]!.seeds } satisfies TuneTask);
            };
            worker.on('message', (message: TuneTaskResult | { progress: number }) => {
              if ('progress' in message) return onRun?.();
              results[message.id] = message.rows;
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a tune worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

/** Splits each setting's seeds into jobs of a size that keeps every worker busy. */
export function jobsFor(settings: readonly number[], seeds: readonly number[], workers: number): Job[] {
  const size = Math.max(1, Math.min(50, Math.ceil((seeds.length * settings.length) / Math.max(1, workers * 4 * settings.length))));
  const jobs: Job[] = [];
  for (const setting of settings) for (let i = 0; i < seeds.length; i += size) jobs.push({ setting, seeds: seeds.slice(i, i + size) });
  return jobs;
}
