import type { TraceRecord } from './trace-types.js';

/** The counters drawn as tracks above the lanes, in this order. */
export const COUNTER_KEYS = ['components-up', 'system-up', 'restarts', 'lost-requests', 'refused-requests', 'delayed-requests', 'lost-bytes'] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];

/** Short: they share the label column with their highest value. */
export const COUNTER_LABELS: Readonly<Record<CounterKey, string>> = {
  'components-up': 'components up',
  'system-up': 'system up',
  restarts: 'restarts',
  'lost-requests': 'lost requests',
  'refused-requests': 'refused requests',
  'delayed-requests': 'delayed requests',
  'lost-bytes': 'lost data',
};

/**
 * A step function over time: `values[i]` holds from `times[i]` until
 * `times[i + 1]` (or the run's end). Before `times[0]` the value is 0.
 * At most one point per instant: the value after everything at that instant.
 */
export interface StepSeries {
  times: number[];
  values: number[];
  /** The record that set each point (the last of its instant): what a click on the counter selects. */
  seqs: number[];
  max: number;
}

class SeriesBuilder {
  readonly times: number[] = [];
  readonly values: number[] = [];
  readonly seqs: number[] = [];
  value = 0;
  max = 0;

  set(t: number, value: number, seq: number): void {
    this.value = value;
    if (value > this.max) this.max = value;
    const last = this.times.length - 1;
    if (last >= 0 && this.times[last] === t) {
      this.values[last] = value;
      this.seqs[last] = seq;
    } else if (last < 0 || this.values[last] !== value) {
      this.times.push(t);
      this.values.push(value);
      this.seqs.push(seq);
    }
  }

  series(): StepSeries {
    return { times: this.times, values: this.values, seqs: this.seqs, max: this.max };
  }
}

/** Every counter of one trace, from its records sorted by (t, seq): one pass. */
export function counterSeries(sorted: readonly TraceRecord[]): Record<CounterKey, StepSeries> {
  const b = Object.fromEntries(COUNTER_KEYS.map((k) => [k, new SeriesBuilder()])) as Record<CounterKey, SeriesBuilder>;
  for (const r of sorted) {
    switch (r.type) {
      case 'state':
        if (r.from === 'running' && r.to !== 'running') b['components-up'].set(r.t, b['components-up'].value - 1, r.seq);
        else if (r.to === 'running' && r.from !== 'running') b['components-up'].set(r.t, b['components-up'].value + 1, r.seq);
        break;
      case 'power':
        b['system-up'].set(r.t, r.to === 'up' ? 1 : 0, r.seq);
        break;
      case 'restart':
        b.restarts.set(r.t, b.restarts.value + 1, r.seq);
        break;
      case 'requests-lost':
        b['lost-requests'].set(r.t, b['lost-requests'].value + r.count, r.seq);
        break;
      case 'requests-refused':
        b['refused-requests'].set(r.t, b['refused-requests'].value + r.count, r.seq);
        break;
      case 'requests-delayed':
        b['delayed-requests'].set(r.t, b['delayed-requests'].value + r.count, r.seq);
        break;
      case 'data-lost':
        b['lost-bytes'].set(r.t, b['lost-bytes'].value + r.bytes, r.seq);
        break;
      default:
        break;
    }
  }
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, b[k].series()])) as Record<CounterKey, StepSeries>;
}

/** The value of a step series at an instant. */
export function valueAt(series: StepSeries, tUs: number): number {
  let lo = 0;
  let hi = series.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (series.times[mid]! <= tUs) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : series.values[lo - 1]!;
}

/**
 * The point of a step series a click at tUs picks: the nearest step within
 * toleranceUs, else the step in effect at tUs (what made the value what it
 * is there); -1 before the first step.
 */
export function stepAt(series: StepSeries, tUs: number, toleranceUs: number): number {
  const { times } = series;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= tUs) lo = mid + 1;
    else hi = mid;
  }
  // lo - 1: the step in effect; lo: the next one.
  const before = lo - 1;
  const after = lo < times.length ? lo : -1;
  const near = (i: number): number => (i < 0 ? Infinity : Math.abs(times[i]! - tUs));
  const nearest = near(after) < near(before) ? after : before;
  return near(nearest) <= toleranceUs ? nearest : before;
}

/**
 * The lowest and highest value in each pixel column of a window (NaN where
 * the series has not started or has ended): a dip shorter than a pixel still
 * shows. Cost: the points in view plus the width. `into` lets a painter reuse its buffers.
 */
export function columnRange(
  series: StepSeries,
  startUs: number,
  endUs: number,
  seriesEndUs: number,
  width: number,
  into: { min: Float64Array; max: Float64Array } = { min: new Float64Array(width), max: new Float64Array(width) },
): { min: Float64Array; max: Float64Array } {
  const min = into.min.fill(NaN);
  const max = into.max.fill(NaN);
  const usPerPx = (endUs - startUs) / width;
  const col = (t: number): number => Math.floor((t - startUs) / usPerPx);
  const cover = (from: number, to: number, value: number): void => {
    if (to <= startUs || from >= endUs || to <= from) return;
    const c0 = Math.max(0, col(from));
    const c1 = Math.min(width - 1, col(Math.min(to, endUs) - 1e-9));
    for (let c = c0; c <= c1; c++) {
      if (!(min[c]! <= value)) min[c] = value;
      if (!(max[c]! >= value)) max[c] = value;
    }
  };
  const { times, values } = series;
  // The value in effect at the window's start, then each step in view.
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= startUs) lo = mid + 1;
    else hi = mid;
  }
  let i = lo;
  const lastUs = Math.min(endUs, seriesEndUs);
  cover(startUs, Math.min(times[i] ?? lastUs, lastUs), i === 0 ? 0 : values[i - 1]!);
  for (; i < times.length && times[i]! < lastUs; i++) cover(times[i]!, Math.min(times[i + 1] ?? lastUs, lastUs), values[i]!);
  return { min, max };
}
