import { builtWorkerUrl, runOnWorkers } from '../compare/worker-pool.js';
import type { Scenario } from '../scenario/types.js';
import { runSetting } from './run-setting.js';
import type { TuneTask, TuneTaskResult } from './worker.js';

/** One unit of work: a setting on some seeds. */
export interface Job {
  setting: number;
  seeds: number[];
}

/**
 * Runs jobs in this thread (workers 0) or on worker threads, and returns each
 * job's rows in job order. Each row depends only on its scenario and seed, so
 * the result does not depend on the number of workers or their timing.
 */
export async function runJobs(scenarios: readonly Scenario[], jobs: readonly Job[], workers: number, onRun?: () => void): Promise<number[][][]> {
  if (workers <= 0 || jobs.length <= 1) return jobs.map((job) => runSetting(scenarios[job.setting]!, job.seeds, onRun));
  const results: number[][][] = new Array(jobs.length);
  const tasks = jobs.map((job, id): TuneTask => ({ id, setting: job.setting, seeds: job.seeds }));
  await runOnWorkers<TuneTask, TuneTaskResult>(builtWorkerUrl(import.meta.url, 'tune/worker.js'), { scenarios }, workers, tasks, (message) => {
    results[message.id] = message.rows;
  }, (n) => {
    for (let i = 0; i < n; i++) onRun?.();
  }, 'tune');
  return results;
}

/** Splits each setting's seeds into jobs of a size that keeps every worker busy. */
export function jobsFor(settings: readonly number[], seeds: readonly number[], workers: number): Job[] {
  const size = Math.max(1, Math.min(50, Math.ceil((seeds.length * settings.length) / Math.max(1, workers * 4 * settings.length))));
  const jobs: Job[] = [];
  for (const setting of settings) for (let i = 0; i < seeds.length; i += size) jobs.push({ setting, seeds: seeds.slice(i, i + size) });
  return jobs;
}
