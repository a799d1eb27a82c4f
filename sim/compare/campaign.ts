import { withPreset } from '../scenario/with-preset.js';
import type { Scenario } from '../scenario/types.js';
import { emptyAccumulator, mergeAccumulators, type PolicyAccumulator } from './accumulator.js';
import { runChunk } from './run-chunk.js';
import { builtWorkerUrl, runOnWorkers } from './worker-pool.js';
import type { ChunkResult, ChunkTask } from './worker.js';

export interface CampaignOptions {
  /** Policy names: presets, or `scenario` for the policies as written. */
  policies: readonly string[];
  seeds: readonly number[];
  /** Worker threads; 0 runs everything in this thread. */
  workers: number;
  /** Called as runs finish, with the number done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** The result of a campaign (or of a shard of one): enough to print the table, or to merge with other shards. */
export interface CampaignResult {
  scenario: string;
  components: string[];
  durationUs: number;
  seeds: number[];
  policies: PolicyAccumulator[];
}

/** The scenario each policy runs: the preset applied, expectations dropped (a campaign measures, it does not test). */
export function scenariosFor(scenario: Scenario, policies: readonly string[]): Scenario[] {
  return policies.map((p) => ({ ...withPreset(scenario, p), expect: undefined }));
}

/** The prebuilt compare worker. */
export function workerUrl(): URL {
  return builtWorkerUrl(import.meta.url, 'compare/worker.js');
}

function chunksOf(seeds: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < seeds.length; i += size) out.push(seeds.slice(i, i + size));
  return out;
}

/**
 * Runs every policy on every seed. The fault schedules of a seed are the same
 * under every policy (they are drawn from streams named by fault and target,
 * never by policy): common random numbers. Results are exact sums, so the
 * outcome does not depend on the number of workers or their timing.
 */
export async function runCampaign(scenario: Scenario, options: CampaignOptions): Promise<CampaignResult> {
  const scenarios = scenariosFor(scenario, options.policies);
  const components = scenario.components.map((c) => c.name);
  const total = options.seeds.length * options.policies.length;
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    options.onProgress?.(done, total);
  };
  const accumulators = options.policies.map((p) => emptyAccumulator(p, components.length));
  const result = (): CampaignResult => ({ scenario: scenario.name, components, durationUs: scenario.durationUs, seeds: [...options.seeds], policies: accumulators });

  if (options.workers <= 0 || total === 0) {
    scenarios.forEach((s, i) => {
      accumulators[i] = mergeAccumulators(accumulators[i]!, runChunk(s, options.policies[i]!, options.seeds, () => progress(1)));
    });
    return result();
  }

  const workers = Math.min(options.workers, total);
  const size = Math.max(1, Math.min(50, Math.ceil(options.seeds.length / (workers * 4))));
  const tasks: ChunkTask[] = [];
  options.policies.forEach((_, policy) => chunksOf(options.seeds, size).forEach((seeds) => tasks.push({ id: tasks.length, policy, seeds })));
  await runOnWorkers<ChunkTask, ChunkResult>(workerUrl(), { scenarios, policies: [...options.policies] }, workers, tasks, (message) => {
    const task = tasks[message.id]!;
    accumulators[task.policy] = mergeAccumulators(accumulators[task.policy]!, message.accumulator);
  }, progress, 'compare');
  return result();
}
