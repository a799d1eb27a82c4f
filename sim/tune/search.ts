import type { Scenario } from '../scenario/types.js';
import { paretoFront, type Runs } from './analysis.js';
import type { Objective } from './objectives.js';
import { jobsFor, runJobs } from './pool.js';

/** What a search ran: each setting's rows in seed order (a prefix of the seeds when halving dropped it early). */
export interface SearchRuns {
  runs: number[][][];
  /** The round after which halving dropped each setting (undefined: kept to the end, or a full search). */
  droppedAfterRound: (number | undefined)[];
  /** Seeds per halving round (one round for a full search). */
  rounds: number[];
}

export interface SearchOptions {
  workers: number;
  onRun?: () => void;
  /** Called at the start of each halving round with the settings still in it and the seeds they run to. */
  onRound?: (round: number, alive: number, seeds: number) => void;
}

/** Every setting on every seed. */
export async function fullSearch(scenarios: readonly Scenario[], seeds: readonly number[], options: SearchOptions): Promise<SearchRuns> {
  const settings = scenarios.map((_, i) => i);
  options.onRound?.(1, settings.length, seeds.length);
  const jobs = jobsFor(settings, seeds, options.workers);
  const results = await runJobs(scenarios, jobs, options.workers, options.onRun);
  const runs: number[][][] = scenarios.map(() => []);
  jobs.forEach((job, k) => runs[job.setting]!.push(...results[k]!));
  return { runs, droppedAfterRound: scenarios.map(() => undefined), rounds: [seeds.length] };
}

/** The seed counts of successive halving rounds: doubling from about an eighth of the seeds (at least 5) to all of them. */
export function halvingRounds(seedCount: number): number[] {
  const rounds: number[] = [];
  let n = Math.min(seedCount, Math.max(5, Math.ceil(seedCount / 8)));
  for (;;) {
    rounds.push(n);
    if (n >= seedCount) return rounds;
    n = Math.min(seedCount, n * 2);
  }
}

/**
 * Successive halving on paired seeds: every setting runs on the first seeds;
 * the settings another one dominates with confidence (on paired differences:
 * see `dominates`) are dropped; the rest go on to twice as many seeds, until
 * all seeds are run. Rounds, seeds and decisions depend only on the results,
 * never on timing: the same command gives the same outcome.
 */
export async function halvingSearch(scenarios: readonly Scenario[], seeds: readonly number[], objectives: readonly Objective[], options: SearchOptions): Promise<SearchRuns> {
  const runs: number[][][] = scenarios.map(() => []);
  const droppedAfterRound: (number | undefined)[] = scenarios.map(() => undefined);
  const rounds = halvingRounds(seeds.length);
  let alive = scenarios.map((_, i) => i);
  for (let r = 0; r < rounds.length; r++) {
    options.onRound?.(r + 1, alive.length, rounds[r]!);
    const from = r === 0 ? 0 : rounds[r - 1]!;
    const roundSeeds = seeds.slice(from, rounds[r]);
    const jobs = jobsFor(alive, roundSeeds, options.workers);
    const results = await runJobs(scenarios, jobs, options.workers, options.onRun);
    jobs.forEach((job, k) => runs[job.setting]!.push(...results[k]!));
    if (r === rounds.length - 1) break;
    const keep = paretoFront(runs as Runs[], objectives, alive);
    for (const i of alive) if (!keep.includes(i)) droppedAfterRound[i] = r + 1;
    alive = keep;
  }
  return { runs, droppedAfterRound, rounds };
}
