import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.js';
import { runChunk } from './run-chunk.js';

/**
 * A compare worker: receives the scenario of every policy once, then runs
 * chunks of seeds and posts back their sums (structured clone carries the
 * BigInts). Started from the prebuilt dist/ copy of this file.
 */
export interface ChunkTask {
  id: number;
  policy: number;
  seeds: number[];
}

export interface ChunkResult {
  id: number;
  accumulator: ReturnType<typeof runChunk>;
}

const scenarios = (workerData as { scenarios: Scenario[]; policies: string[] }).scenarios;
const policies = (workerData as { scenarios: Scenario[]; policies: string[] }).policies;

parentPort!.on('message', (task: ChunkTask) => {
  let done = 0;
  const accumulator = runChunk(scenarios[task.policy]!, policies[task.policy]!, task.seeds, () => {
    done++;
    if (done % 10 === 0) parentPort!.postMessage({ progress: 10 });
  });
  parentPort!.postMessage({ progress: done % 10 });
  parentPort!.postMessage({ id: task.id, accumulator } satisfies ChunkResult);
});
