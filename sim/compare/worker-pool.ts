import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The prebuilt worker script `name` (e.g. "compare/worker.js"): beside the
 * calling module in dist/, or in dist/ when running from the TypeScript sources.
 */
export function builtWorkerUrl(callerUrl: string, name: string): URL {
  const url = callerUrl.endsWith('.ts') ? new URL(`../../dist/sim/${name}`, callerUrl) : new URL(`../${name}`, callerUrl);
  if (!existsSync(fileURLToPath(url))) throw new Error(`the worker ${name} is not built (${fileURLToPath(url)}); run \`npm run build\``);
  return url;
}

/**
 * Feeds `tasks` to a pool of worker threads, one task per worker at a time,
 * and hands each reply to `onResult` (messages with `progress` go to
 * `onProgress`). Results may arrive in any order: callers keep them by task
 * id, so what they compute does not depend on timing.
 */
export async function runOnWorkers<T extends { id: number }, R extends { id: number }>(
  url: URL,
  workerData: unknown,
  size: number,
  tasks: readonly T[],
  onResult: (result: R) => void,
  onProgress: (count: number) => void,
  what: string,
): Promise<void> {
  const pool = Array.from({ length: Math.min(size, tasks.length) }, () => new Worker(url, { workerData }));
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= tasks.length) return resolve();
              worker.postMessage(tasks[next++]);
            };
            worker.on('message', (message: R | { progress: number }) => {
              if ('progress' in message) return onProgress(message.progress);
              onResult(message);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a ${what} worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
