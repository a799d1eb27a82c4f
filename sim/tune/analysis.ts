import { tQuantile95 } from '../compare/stats.js';
import type { Objective } from './objectives.js';

/** Mean and 95 % confidence interval (t distribution) of a sample. */
export interface Interval {
  mean: number;
  lo: number;
  hi: number;
}

export function interval(xs: readonly number[]): Interval {
  const n = xs.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n < 2) return { mean, lo: mean, hi: mean };
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const half = tQuantile95(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, lo: mean - half, hi: mean + half };
}

/** One setting's runs: a row of metrics per seed, seeds in the campaign's order (so rows pair across settings). */
export type Runs = readonly (readonly number[])[];

/**
 * How much better `a` is than `b` on one objective, paired seed by seed over
 * the seeds both ran: the interval of the mean difference, oriented so that
 * positive means `a` is better, and whether `a` was never worse on any seed.
 */
export function pairedAdvantage(a: Runs, b: Runs, o: Objective): { diff: Interval; neverWorse: boolean } {
  const n = Math.min(a.length, b.length);
  const sign = o.better === 'max' ? 1 : -1;
  const d: number[] = [];
  for (let s = 0; s < n; s++) d.push(sign * (a[s]![o.index]! - b[s]![o.index]!));
  return { diff: interval(d), neverWorse: d.every((x) => x >= 0) };
}

/**
 * `a` dominates `b` only when the data says so: on every objective `a` is not
 * worse (the 95 % interval of the paired difference does not reach below 0,
 * or `a` was never worse on any seed), and on at least one it is better (the
 * interval lies above 0). Noise alone never drops a setting.
 */
export function dominates(a: Runs, b: Runs, objectives: readonly Objective[]): boolean {
  if (Math.min(a.length, b.length) < 2) return false;
  let better = false;
  for (const o of objectives) {
    const { diff, neverWorse } = pairedAdvantage(a, b, o);
    if (!(diff.lo >= 0 || neverWorse)) return false;
    if (diff.lo > 0) better = true;
  }
  return better;
}

/** Indices of the settings no other (among `alive`) dominates. */
export function paretoFront(runs: readonly Runs[], objectives: readonly Objective[], alive: readonly number[] = runs.map((_, i) => i)): number[] {
  return alive.filter((i) => !alive.some((j) => j !== i && dominates(runs[j]!, runs[i]!, objectives)));
}

/** Per setting, per metric: mean and interval over its runs. */
export function summarize(runs: Runs, metrics: number): Interval[] {
  return Array.from({ length: metrics }, (_, k) => interval(runs.map((row) => row[k]!)));
}

/**
 * The recommended setting: among the Pareto front, those that meet every
 * constraint (`meetsAll`), the best on the first objective, ties broken by the
 * next ones, then by the earlier setting. Undefined when none meets them.
 */
export function recommend(front: readonly number[], stats: readonly Interval[][], objectives: readonly Objective[], meetsAll: (setting: number) => boolean): number | undefined {
  const ok = front.filter(meetsAll);
  const better = (a: number, b: number): number => {
    for (const o of objectives) {
      const x = stats[a]![o.index]!.mean;
      const y = stats[b]![o.index]!.mean;
      if (x !== y) return o.better === 'max' ? y - x : x - y;
    }
    return a - b;
  };
  return [...ok].sort(better)[0];
}

/** How far each objective's mean moves across one parameter's values (averaged over the other parameters). */
export interface MainEffect {
  path: string;
  /** Per value, per objective: the mean over the settings with that value. */
  byValue: { value: string; means: number[] }[];
  /** Per objective: the largest minus the smallest of those means. */
  range: number[];
}

export function mainEffects(paths: readonly string[], settings: readonly (readonly string[])[], stats: readonly Interval[][], objectives: readonly Objective[]): MainEffect[] {
  return paths.map((path, p) => {
    const values = [...new Set(settings.map((s) => s[p]!))];
    const byValue = values.map((value) => {
      const members = settings.flatMap((s, i) => (s[p] === value ? [i] : []));
      const means = objectives.map((o) => members.reduce((acc, i) => acc + stats[i]![o.index]!.mean, 0) / members.length);
      return { value, means };
    });
    const range = objectives.map((_, k) => {
      const ms = byValue.map((v) => v.means[k]!);
      return Math.max(...ms) - Math.min(...ms);
    });
    return { path, byValue, range };
  });
}
