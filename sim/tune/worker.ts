import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.js';
import { runSetting } from './run-setting.js';

/** A tune worker: receives every setting's scenario once, then runs (setting, seeds) tasks and posts back their rows. */
export interface TuneTask {
  id: number;
  setting: number;
  seeds: number[];
}

export interface TuneTaskResult {
  id: number;
  rows: number[][];
}

const scenarios = (workerData as { scenarios: Scenario[] }).scenarios;

parentPort!.on('message', (task: TuneTask) => {
  const rows = runSetting(scenarios[task.setting]!, task.seeds, () => parentPort!.postMessage({ progress: 1 }));
  parentPort!.postMessage({ id: task.id, rows } satisfies TuneTaskResult);
});
