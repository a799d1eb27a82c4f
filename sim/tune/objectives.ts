import { US_PER_H, US_PER_S, type Micros } from '../engine/time.js';
import type { RunMetrics } from '../compare/run-metrics.js';

/**
 * What tune can optimise and constrain: one number per run, taken from the
 * run's metrics (the same ones `recsim compare` reports). `better` says which
 * way is good; `perTime` marks counts that a constraint may state as a rate
 * (`reboots<=0.1/day`).
 */
export interface MetricDef {
  key: string;
  label: string;
  unit: 'fraction' | 'count' | 'bytes' | 's';
  better: 'max' | 'min';
  perTime: boolean;
  of: (run: RunMetrics, durationUs: Micros) => number;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export const TUNE_METRICS: readonly MetricDef[] = [
  // Available means serving (running, ready, past its warm-up); up means running. Both as compare measures them.
  {
    key: 'availability', label: 'availability (serving)', unit: 'fraction', better: 'max', perTime: false,
    of: (r, d) => (r.servingUs.length === 0 || d === 0 ? 0 : sum(r.servingUs) / (r.servingUs.length * d)),
  },
  {
    key: 'up', label: 'up (running)', unit: 'fraction', better: 'max', perTime: false,
    of: (r, d) => (r.runningUs.length === 0 || d === 0 ? 0 : sum(r.runningUs) / (r.runningUs.length * d)),
  },
  { key: 'reboots', label: 'reboots', unit: 'count', better: 'min', perTime: true, of: (r) => r.gracefulReboots + r.ungracefulReboots },
  { key: 'ungraceful_reboots', label: 'panics (ungraceful reboots)', unit: 'count', better: 'min', perTime: true, of: (r) => r.ungracefulReboots },
  { key: 'restarts', label: 'restarts', unit: 'count', better: 'min', perTime: true, of: (r) => r.restarts },
  { key: 'lost_data', label: 'lost data', unit: 'bytes', better: 'min', perTime: true, of: (r) => r.lostDataBytes },
  { key: 'lost_requests', label: 'requests lost in flight', unit: 'count', better: 'min', perTime: true, of: (r) => r.lostRequests },
  { key: 'refused_requests', label: 'requests refused while down', unit: 'count', better: 'min', perTime: true, of: (r) => r.refusedRequests },
  { key: 'delayed_requests', label: 'requests delayed while down', unit: 'count', better: 'min', perTime: true, of: (r) => r.delayedRequests },
  // A run in which nothing failed has nothing to recover from: 0, not "unknown", so runs stay paired.
  { key: 'recover_p95', label: 'time to recover (p95)', unit: 's', better: 'min', perTime: false, of: (r) => (r.recoverP95Us ?? 0) / US_PER_S },
  { key: 'recover_median', label: 'time to recover (median)', unit: 's', better: 'min', perTime: false, of: (r) => (r.recoverMedianUs ?? 0) / US_PER_S },
  { key: 'downtime', label: 'system downtime', unit: 's', better: 'min', perTime: true, of: (r) => r.downtimeUs / US_PER_S },
  { key: 'violations', label: 'invariant violations', unit: 'count', better: 'min', perTime: true, of: (r) => r.violations },
];

export const METRIC_KEYS = TUNE_METRICS.map((m) => m.key);

export function metricDef(key: string): MetricDef | undefined {
  return TUNE_METRICS.find((m) => m.key === key);
}

/** One run as the numbers tune keeps: every metric, in TUNE_METRICS order. */
export function runRow(run: RunMetrics, durationUs: Micros): number[] {
  return TUNE_METRICS.map((m) => m.of(run, durationUs));
}

export interface Objective {
  key: string;
  better: 'max' | 'min';
  /** Index into a run row. */
  index: number;
}

export const DEFAULT_OBJECTIVES = 'availability:max,reboots:min,lost_data:min,recover_p95:min';

export function parseObjectives(text: string): Objective[] | { error: string } {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { error: 'name at least one objective, e.g. availability:max' };
  const out: Objective[] = [];
  for (const part of parts) {
    const [key, dir, extra] = part.split(':').map((s) => s.trim());
    const index = METRIC_KEYS.indexOf(key!);
    if (index < 0) return { error: `unknown objective "${key}" (known: ${METRIC_KEYS.join(', ')})` };
    if (extra !== undefined || (dir !== undefined && dir !== 'max' && dir !== 'min')) return { error: `"${part}": write <metric>:max or <metric>:min` };
    if (out.some((o) => o.key === key)) return { error: `"${key}" is named twice` };
    out.push({ key: key!, better: (dir as 'max' | 'min' | undefined) ?? TUNE_METRICS[index]!.better, index });
  }
  return out;
}

/** `reboots<=0.1/day`, `availability>=99.5%`, `recover_p95<30`: judged on a setting's mean. */
export interface Constraint {
  text: string;
  key: string;
  index: number;
  op: '<=' | '<' | '>=' | '>';
  /** The bound in the metric's own per-run unit (a rate is converted with the run's duration). */
  bound: number;
}

const PER: Readonly<Record<string, number>> = { s: US_PER_S, min: 60 * US_PER_S, h: US_PER_H, day: 24 * US_PER_H, d: 24 * US_PER_H, week: 7 * 24 * US_PER_H };

export function parseConstraint(text: string, durationUs: Micros): Constraint | { error: string } {
  const m = /^\s*([a-z_0-9]+)\s*(<=|>=|<|>)\s*(\d+(?:\.\d+)?)\s*(%|\/(?:s|min|h|d|day|week))?\s*$/.exec(text);
  if (!m) return { error: `"${text}": write <metric><op><value>, e.g. reboots<=0.1/day or availability>=99.5%` };
  const [, key, op, num, unit] = m as unknown as [string, string, Constraint['op'], string, string | undefined];
  const index = METRIC_KEYS.indexOf(key);
  if (index < 0) return { error: `"${text}": unknown metric "${key}" (known: ${METRIC_KEYS.join(', ')})` };
  const def = TUNE_METRICS[index]!;
  let bound = Number(num);
  if (unit === '%') {
    if (def.unit !== 'fraction') return { error: `"${text}": % applies to a fraction such as availability, not to ${key}` };
    bound /= 100;
  } else if (unit !== undefined) {
    if (!def.perTime) return { error: `"${text}": ${key} is not a count over time; write a plain bound` };
    bound *= durationUs / PER[unit.slice(1)]!;
  }
  return { text: text.trim(), key, index, op, bound };
}

export function meets(c: Constraint, mean: number): boolean {
  switch (c.op) {
    case '<=': return mean <= c.bound;
    case '<': return mean < c.bound;
    case '>=': return mean >= c.bound;
    case '>': return mean > c.bound;
  }
}
