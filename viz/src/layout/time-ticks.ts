import { formatInstant } from './time-format.js';

/**
 * Axis ticks in the unit that fits the window: steps of 1/2/5 µs..ms, then
 * 1, 2, 5, 10, 15, 30 s and min, then 1, 2, 3, 6, 12 h and whole days, so a
 * day-long run is marked every few hours rather than every 20,000 s.
 */
const S = 1_000_000;
const MIN = 60 * S;
const H = 60 * MIN;
const STEPS_US: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5,
  S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S,
  MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN,
  H, 2 * H, 3 * H, 6 * H, 12 * H, 24 * H, 48 * H, 120 * H, 240 * H,
];

export interface TimeTicks {
  stepUs: number;
  /** Tick instants, multiples of the step, inside the window. */
  ticks: number[];
  /** Text under each tick. */
  labels: string[];
  /**
   * What every label shares and leaves out, e.g. "3h 29min +" when the
   * window is a few seconds wide; "" when labels are whole.
   */
  prefix: string;
}

/** The smallest nice step giving at most maxCount ticks over [startUs, endUs]. */
export function tickStep(startUs: number, endUs: number, maxCount: number): number {
  const span = Math.max(1, endUs - startUs);
  for (const step of STEPS_US) if (span / step <= maxCount) return step;
  const days = Math.ceil(span / maxCount / (24 * H));
  return days * 24 * H;
}

/** Decimals of seconds a step needs: 500 ms -> 1, 10 µs -> 5, 1 s and more -> 0. */
function decimalsFor(stepUs: number): number {
  return stepUs >= S ? 0 : Math.min(6, Math.ceil(-Math.log10(stepUs / S) - 1e-9));
}

/** Seconds within the minute, to the step's precision: "17.35s". */
function secondsLabel(us: number, decimals: number): string {
  const within = us % MIN;
  return `${(within / S).toFixed(decimals)}s`;
}

/** Rounds a time to the step's precision and writes it "3h 29min 17.35s" (no trailing zeros). */
function wholeLabel(us: number, decimals: number): string {
  const unit = 10 ** (6 - decimals);
  return formatInstant(Math.round(us / unit) * unit);
}

/** Ticks and their labels for a window; at most maxCount of them. */
export function timeTicks(startUs: number, endUs: number, maxCount: number): TimeTicks {
  const stepUs = tickStep(startUs, endUs, Math.max(1, maxCount));
  const ticks: number[] = [];
  for (let t = Math.ceil(startUs / stepUs) * stepUs; t <= endUs && ticks.length <= maxCount + 1; t += stepUs) ticks.push(t);
  const decimals = decimalsFor(stepUs);
  // Sub-minute steps inside one minute past the first: the shared "h min" goes in front, once.
  const minuteOf = (t: number): number => Math.floor(t / MIN);
  const oneMinute = stepUs < MIN && ticks.length > 0 && minuteOf(ticks[0]!) > 0 && ticks.every((t) => minuteOf(t) === minuteOf(ticks[0]!));
  if (oneMinute) {
    const prefix = `${formatInstant(minuteOf(ticks[0]!) * MIN)} +`;
    return { stepUs, ticks, labels: ticks.map((t) => secondsLabel(t, decimals)), prefix };
  }
  return { stepUs, ticks, labels: ticks.map((t) => wholeLabel(t, decimals)), prefix: '' };
}
