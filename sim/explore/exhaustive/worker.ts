import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../scenario/types.js';
import { exhaustive, type ExhaustiveOptions } from './search.js';

/** An exhaustive worker: runs one shard of the search and posts its result. Started from the prebuilt dist/ copy of this file. */
export interface ShardTask {
  scenario: Scenario;
  options: Omit<ExhaustiveOptions, 'onProgress'>;
}

const task = workerData as ShardTask;
const result = exhaustive(task.scenario, {
  ...task.options,
  onProgress: (p) => parentPort!.postMessage({ progress: p }),
});
parentPort!.postMessage({ result });
