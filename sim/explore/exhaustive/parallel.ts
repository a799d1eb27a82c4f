import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../scenario/types.js';
import { mergeResults, type ExhaustiveResult } from './result.js';
import { exhaustive, type ExhaustiveOptions } from './search.js';
import type { ShardTask } from './worker.js';

function workerUrl(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../../dist/sim/explore/exhaustive/worker.js', here) : new URL('./worker.js', here);
  if (!existsSync(fileURLToPath(url))) throw new Error(`the exhaustive worker is not built (${fileURLToPath(url)}); run \`npm run build\``);
  return url;
}

/**
 * Runs the search (or the shard `options.shard` of it) on `workers` threads:
 * each thread takes every workers-th depth-1 case of the shard (sub-shard
 * i + n*j of n*workers) and the results are merged as `--merge` does. Each
 * thread deduplicates on its own, so runs and skips depend on the number of
 * threads; cases, distinct states and findings do not.
 */
export async function exhaustiveInParallel(
  scenario: Scenario,
  options: ExhaustiveOptions,
  workers: number,
  onProgress?: (depth1Done: number, depth1Planned: number) => void,
): Promise<ExhaustiveResult> {
  const outer = options.shard ?? { index: 0, count: 1 };
  if (workers <= 1) {
    return exhaustive(scenario, { ...options, onProgress: (p) => onProgress?.(Math.ceil(p.depth1 / outer.count), Math.ceil(p.depth1Planned / outer.count)) });
  }
  const { onProgress: _ignored, ...plain } = options;
  const done = new Array<number>(workers).fill(0);
  let planned = 0;
  const results = await Promise.all(
    Array.from({ length: workers }, (_, j) => {
      const task: ShardTask = { scenario, options: { ...plain, shard: { index: outer.index + outer.count * j, count: outer.count * workers } } };
      return new Promise<ExhaustiveResult>((resolve, reject) => {
        const worker = new Worker(workerUrl(), { workerData: task });
        worker.on('message', (m: { progress?: { depth1: number; depth1Planned: number }; result?: ExhaustiveResult }) => {
          if (m.progress) {
            done[j] = Math.ceil(m.progress.depth1 / (outer.count * workers));
            planned = Math.ceil(m.progress.depth1Planned / outer.count);
            onProgress?.(done.reduce((a, b) => a + b, 0), planned);
          }
          if (m.result) {
            resolve(m.result);
            void worker.terminate();
          }
        });
        worker.on('error', reject);
      });
    }),
  );
  const merged = mergeResults(results.map((result, j) => ({ file: `worker ${j + 1}`, result })));
  // The threads are one shard as far as merging across machines goes.
  merged.shards = [`${outer.index + 1}/${outer.count}`];
  return merged;
}
