import type { RunMetrics } from './run-metrics.js';

/**
 * The worst run of a policy, kept while a campaign goes so its trace can be
 * written afterwards (`recsim compare --traces`): the least time serving,
 * then the most ungraceful reboots, then the most data lost, then the
 * smallest seed. A total order, so merging shards in any order picks the
 * same run.
 */
export interface WorstRun {
  seed: number;
  /** Serving microseconds summed over components (its availability). */
  servingUs: number;
  ungracefulReboots: number;
  lostDataBytes: number;
}

export function worstRunOf(seed: number, run: RunMetrics): WorstRun {
  return { seed, servingUs: run.servingUs.reduce((a, b) => a + b, 0), ungracefulReboots: run.ungracefulReboots, lostDataBytes: run.lostDataBytes };
}

/** The worse of two runs (either may be missing). */
export function worseOf(a: WorstRun | undefined, b: WorstRun | undefined): WorstRun | undefined {
  if (!a) return b;
  if (!b) return a;
  const order = a.servingUs - b.servingUs || b.ungracefulReboots - a.ungracefulReboots || b.lostDataBytes - a.lostDataBytes || a.seed - b.seed;
  return order <= 0 ? a : b;
}
