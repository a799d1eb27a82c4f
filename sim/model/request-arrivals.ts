import type { Micros } from '../engine/time.js';

/**
 * A Poisson stream of request arrivals that is never ticked through: the
 * number of arrivals in any interval is read off a binary tree over virtual
 * time, without an event per request.
 *
 * The root covers [0, 2^TREE_LEVELS) microseconds (about 35 years) and holds
 * a Poisson count; each node's count splits between its halves as a
 * Binomial(n, 1/2) (the arrivals of a Poisson process, given their number,
 * fall uniformly and independently). Every split is drawn from a hash of
 * (stream key, level, index), not from a sequential stream: the count of an
 * interval is the same whoever asks, in whatever order, however often. So a
 * run costs O(log T) per question (an interval's count, the arrivals in
 * flight at a crash), and the arrivals are common random numbers across
 * policies and across forks: a run under another policy sees the very same
 * requests arrive. docs/speed.md says what this assumes.
 */

const TREE_LEVELS = 50;
const TREE_SPAN_US = 2 ** TREE_LEVELS;
/** Up to this many arrivals, a split is drawn exactly (one random bit per arrival); above it, from the normal approximation (p = 1/2: no skew). */
const EXACT_SPLIT_MAX = 1024;

/** A 32-bit finaliser with good avalanche (Chris Wellons' lowbias32). */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** 32 random bits for (key, level, index, word). */
function bits(key: number, level: number, index: number, word: number): number {
  const lo = index >>> 0;
  const hi = Math.floor(index / 4294967296) >>> 0;
  let h = mix32(key ^ Math.imul(level + 1, 0x9e3779b9));
  h = mix32(h ^ lo);
  h = mix32(h ^ Math.imul(hi + 1, 0x85ebca6b));
  return mix32(h ^ Math.imul(word + 1, 0xc2b2ae35));
}

/** A uniform in (0, 1) for (key, level, index, word). */
function uniform(key: number, level: number, index: number, word: number): number {
  return (bits(key, level, index, word) + 0.5) / 4294967296;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** A standard normal from two keyed uniforms (Box-Muller). */
function normal(key: number, level: number, index: number): number {
  return Math.sqrt(-2 * Math.log(uniform(key, level, index, 1000))) * Math.cos(2 * Math.PI * uniform(key, level, index, 1001));
}

/** How many of a node's `n` arrivals fall in its left half. */
function leftShare(key: number, level: number, index: number, n: number): number {
  if (n <= EXACT_SPLIT_MAX) {
    let left = 0;
    for (let word = 0; word * 32 < n; word++) {
      const take = Math.min(32, n - word * 32);
      const b = bits(key, level, index, word);
      left += popcount(take === 32 ? b : b & ((1 << take) - 1));
    }
    return left;
  }
  const draw = Math.round(n / 2 + (Math.sqrt(n) / 2) * normal(key, level, index));
  return Math.min(n, Math.max(0, draw));
}

/** The root's Poisson count: exact (Knuth's product of uniforms, in chunks) for a small mean, the normal approximation for a large one. */
function rootCount(key: number, meanPerTree: number): number {
  if (meanPerTree > 1000) return Math.max(0, Math.round(meanPerTree + Math.sqrt(meanPerTree) * normal(key, -1, 0)));
  let n = 0;
  let product = 1;
  const limit = Math.exp(-meanPerTree);
  for (let word = 0; ; word++) {
    product *= uniform(key, -1, 0, word);
    if (product <= limit) return n;
    n++;
  }
}

/** One component's arrivals: a key (from the run seed and the component) and a rate. */
export interface ArrivalStream {
  key: number;
  perUs: number;
  /** Arrivals in the whole tree, drawn once. */
  root: number;
}

export function arrivalStream(key: number, ratePerS: number): ArrivalStream {
  const perUs = ratePerS / 1_000_000;
  return { key: key >>> 0, perUs, root: rootCount(key >>> 0, perUs * TREE_SPAN_US) };
}

/**
 * Calls `visit(count, fromUs, toUs)` for the pieces of [fromUs, toUs) down
 * to pieces of `resolutionUs` or whole tree nodes inside the interval, with
 * the arrivals in each. Walks only nodes that hold arrivals.
 */
function walk(s: ArrivalStream, fromUs: Micros, toUs: Micros, resolutionUs: number, visit: (count: number, lo: number, hi: number) => void): void {
  const visitNode = (level: number, index: number, n: number): void => {
    if (n === 0) return;
    const size = 2 ** (TREE_LEVELS - level);
    const lo = index * size;
    const hi = lo + size;
    if (hi <= fromUs || lo >= toUs) return;
    if (lo >= fromUs && hi <= toUs && size <= resolutionUs) {
      visit(n, lo, hi);
      return;
    }
    const left = leftShare(s.key, level, index, n);
    visitNode(level + 1, index * 2, left);
    visitNode(level + 1, index * 2 + 1, n - left);
  };
  if (toUs > fromUs) visitNode(0, 0, s.root);
}

/** How many requests arrive in [fromUs, toUs). */
export function arrivalsBetween(s: ArrivalStream, fromUs: Micros, toUs: Micros): number {
  let total = 0;
  walk(s, fromUs, toUs, Infinity, (count) => {
    total += count;
  });
  return total;
}

/**
 * The requests arriving in [fromUs, toUs), and the sum of their waits until
 * `untilUs`. Arrival instants are known to the nearest piece of a 256th of
 * the interval (1 ms at least): each piece's arrivals count from its middle.
 */
export function arrivalsAndWaits(s: ArrivalStream, fromUs: Micros, toUs: Micros, untilUs: Micros): { count: number; waitUs: number } {
  let count = 0;
  let waitUs = 0;
  walk(s, fromUs, toUs, Math.max(1000, (toUs - fromUs) / 256), (n, lo, hi) => {
    const mid = (Math.max(lo, fromUs) + Math.min(hi, toUs)) / 2;
    count += n;
    waitUs += n * (untilUs - mid);
  });
  return { count, waitUs: Math.round(waitUs) };
}
