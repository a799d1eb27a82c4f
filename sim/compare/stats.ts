import type { Moments } from './accumulator.js';

/** Student's t, 0.975 quantile, for 1..30 degrees of freedom. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The two-sided 95 % t quantile; rounded up between table points, so intervals never come out too narrow. */
export function tQuantile95(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T975[df - 1]!;
  if (df <= 40) return 2.042;
  if (df <= 60) return 2.021;
  if (df <= 120) return 2.0;
  return 1.98;
}

export interface Estimate {
  /** Runs that contributed (e.g. only runs with at least one failure for times to recover). */
  n: number;
  mean: number;
  /** Half-width of the 95 % confidence interval of the mean across runs (0 with a single run). */
  halfWidth: number;
}

/**
 * Mean and 95 % confidence interval (t distribution) across runs, scaled by
 * `scale` (e.g. 1 / duration for availability). Computed from exact sums, so
 * the same runs give the same digits.
 */
export function estimate(m: Moments, scale = 1): Estimate | undefined {
  if (m.n === 0) return undefined;
  const n = BigInt(m.n);
  const mean = (Number(m.sum) / m.n) * scale;
  if (m.n < 2) return { n: m.n, mean, halfWidth: 0 };
  const numerator = n * m.sumSq - m.sum * m.sum; // n^2 (n-1)/n * variance, exactly
  const variance = Number(numerator) / (m.n * (m.n - 1));
  const halfWidth = tQuantile95(m.n - 1) * Math.sqrt(Math.max(0, variance) / m.n) * Math.abs(scale);
  return { n: m.n, mean, halfWidth };
}
