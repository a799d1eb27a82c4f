import type { RunMetrics } from './run-metrics.js';
import { worseOf, worstRunOf, type WorstRun } from './worst-run.js';

/**
 * Exact running sums of one metric over runs: count, sum and sum of
 * squares as BigInt. Every metric is a whole number per run, so adding runs
 * or merging shards gives the same totals in any order: a campaign's result
 * depends only on its seeds, not on which worker finished first, and memory
 * stays constant however many seeds there are.
 */
export interface Moments {
  n: number;
  sum: bigint;
  sumSq: bigint;
}

export function emptyMoments(): Moments {
  return { n: 0, sum: 0n, sumSq: 0n };
}

export function addSample(m: Moments, value: number): void {
  const v = BigInt(value);
  m.n++;
  m.sum += v;
  m.sumSq += v * v;
}

export function mergeMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

/** The per-run metrics a comparison reports, with their units. */
export const METRICS = [
  { key: 'availability', label: 'availability', unit: 'fraction' },
  { key: 'up', label: 'up', unit: 'fraction' },
  { key: 'downtimeUs', label: 'system downtime', unit: 'us' },
  { key: 'gracefulReboots', label: 'graceful reboots', unit: 'count' },
  { key: 'ungracefulReboots', label: 'ungraceful reboots', unit: 'count' },
  { key: 'restarts', label: 'restarts', unit: 'count' },
  { key: 'recoverMedianUs', label: 'time to recover (median)', unit: 'us' },
  { key: 'recoverP95Us', label: 'time to recover (p95)', unit: 'us' },
  { key: 'lostRequests', label: 'lost requests', unit: 'count' },
  { key: 'refusedRequests', label: 'refused requests', unit: 'count' },
  { key: 'delayedRequests', label: 'delayed requests', unit: 'count' },
  { key: 'lostDataBytes', label: 'lost data', unit: 'bytes' },
  { key: 'violations', label: 'invariant violations', unit: 'count' },
] as const;

export type MetricKey = (typeof METRICS)[number]['key'];

/** Everything kept about one policy's runs. `availability` sums serving microseconds over all components, `up` running ones. */
export interface PolicyAccumulator {
  policy: string;
  runs: number;
  budgetExhausted: number;
  metrics: Record<MetricKey, Moments>;
  /** Serving microseconds per component (its availability), in declaration order. */
  services: Moments[];
  /** The policy's worst run so far (its seed, to write its trace); absent before the first run. */
  worst?: WorstRun;
}

export function emptyAccumulator(policy: string, components: number): PolicyAccumulator {
  const metrics = Object.fromEntries(METRICS.map((m) => [m.key, emptyMoments()])) as Record<MetricKey, Moments>;
  return { policy, runs: 0, budgetExhausted: 0, metrics, services: Array.from({ length: components }, emptyMoments) };
}

export function addRun(acc: PolicyAccumulator, run: RunMetrics, seed?: number): void {
  acc.runs++;
  if (seed !== undefined) acc.worst = worseOf(acc.worst, worstRunOf(seed, run));
  if (run.budgetExhausted) acc.budgetExhausted++;
  const m = acc.metrics;
  addSample(m.availability, run.servingUs.reduce((a, b) => a + b, 0));
  addSample(m.up, run.runningUs.reduce((a, b) => a + b, 0));
  addSample(m.downtimeUs, run.downtimeUs);
  addSample(m.gracefulReboots, run.gracefulReboots);
  addSample(m.ungracefulReboots, run.ungracefulReboots);
  addSample(m.restarts, run.restarts);
  if (run.recoverMedianUs !== undefined) addSample(m.recoverMedianUs, run.recoverMedianUs);
  if (run.recoverP95Us !== undefined) addSample(m.recoverP95Us, run.recoverP95Us);
  addSample(m.lostRequests, run.lostRequests);
  addSample(m.refusedRequests, run.refusedRequests);
  addSample(m.delayedRequests, run.delayedRequests);
  addSample(m.lostDataBytes, run.lostDataBytes);
  addSample(m.violations, run.violations);
  run.servingUs.forEach((us, i) => addSample(acc.services[i]!, us));
}

export function mergeAccumulators(a: PolicyAccumulator, b: PolicyAccumulator): PolicyAccumulator {
  if (a.policy !== b.policy || a.services.length !== b.services.length) throw new Error(`cannot merge results of "${a.policy}" and "${b.policy}"`);
  const metrics = Object.fromEntries(METRICS.map((m) => [m.key, mergeMoments(a.metrics[m.key], b.metrics[m.key])])) as Record<MetricKey, Moments>;
  const worst = worseOf(a.worst, b.worst);
  return {
    policy: a.policy,
    runs: a.runs + b.runs,
    budgetExhausted: a.budgetExhausted + b.budgetExhausted,
    metrics,
    services: a.services.map((s, i) => mergeMoments(s, b.services[i]!)),
    ...(worst ? { worst } : {}),
  };
}

type MomentsJson = { n: number; sum: string; sumSq: string };

const momentsToJson = (m: Moments): MomentsJson => ({ n: m.n, sum: m.sum.toString(), sumSq: m.sumSq.toString() });
const momentsFromJson = (m: MomentsJson): Moments => ({ n: m.n, sum: BigInt(m.sum), sumSq: BigInt(m.sumSq) });

export function accumulatorToJson(acc: PolicyAccumulator): unknown {
  return {
    policy: acc.policy,
    runs: acc.runs,
    budgetExhausted: acc.budgetExhausted,
    metrics: Object.fromEntries(METRICS.map((m) => [m.key, momentsToJson(acc.metrics[m.key])])),
    services: acc.services.map(momentsToJson),
    ...(acc.worst ? { worst: acc.worst } : {}),
  };
}

export function accumulatorFromJson(json: unknown): PolicyAccumulator {
  const j = json as { policy: string; runs: number; budgetExhausted: number; metrics: Record<string, MomentsJson>; services: MomentsJson[]; worst?: WorstRun };
  const metrics = Object.fromEntries(
    METRICS.map((m) => {
      const value = j.metrics?.[m.key];
      if (!value) throw new Error(`metric "${m.key}" missing`);
      return [m.key, momentsFromJson(value)];
    }),
  ) as Record<MetricKey, Moments>;
  const worst = j.worst && Number.isSafeInteger(j.worst.seed) ? { seed: j.worst.seed, servingUs: Number(j.worst.servingUs), ungracefulReboots: Number(j.worst.ungracefulReboots), lostDataBytes: Number(j.worst.lostDataBytes) } : undefined;
  return { policy: String(j.policy), runs: j.runs, budgetExhausted: j.budgetExhausted, metrics, services: j.services.map(momentsFromJson), ...(worst ? { worst } : {}) };
}
