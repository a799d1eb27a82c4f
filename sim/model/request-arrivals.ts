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
/** Node sizes by level: 2^(TREE_LEVELS - level) microseconds (a table: `2 ** x` for a variable x was most of what visiting a node cost). */
const NODE_SIZE_US = Array.from({ length: TREE_LEVELS + 1 }, (_, level) => 2 ** (TREE_LEVELS - level));
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
  /**
   * The splits met last, two a level (slot `2 * level + index % 2`, so two
   * neighbours do not evict each other): a split depends on (key, level,
   * index) alone, and a run asks about nearby instants one after another, so
   * the walks from the root share all but their last few levels and redrew
   * them each time (a few dozen hashes and normal draws a question). A memo,
   * not state: it changes no count.
   */
  memoIndex: Float64Array;
  memoLeft: Float64Array;
  /**
   * The last path walked from the root (`arrivalsBefore`): at each level the
   * node it entered (index), the arrivals that node holds (n) and those
   * before it (before), down to `pathDepth`. A path to a nearby instant is
   * the same down to the level where the two instants part, so it resumes
   * there instead of at the root (a run asks about instants a state change
   * apart: some twenty levels of the fifty). A memo too: it changes no count.
   */
  pathIndex: Float64Array;
  pathN: Float64Array;
  pathBefore: Float64Array;
  /** The deepest level the last path reached (it stops where a node holds nothing); -1: none walked yet. */
  pathDepth: number;
  /** The instant the last path went to. */
  pathAtUs: number;
}

export function arrivalStream(key: number, ratePerS: number): ArrivalStream {
  const perUs = ratePerS / 1_000_000;
  return {
    key: key >>> 0,
    perUs,
    root: rootCount(key >>> 0, perUs * TREE_SPAN_US),
    memoIndex: new Float64Array(2 * TREE_LEVELS).fill(-1),
    memoLeft: new Float64Array(2 * TREE_LEVELS),
    pathIndex: new Float64Array(TREE_LEVELS + 1),
    pathN: new Float64Array(TREE_LEVELS + 1),
    pathBefore: new Float64Array(TREE_LEVELS + 1),
    pathDepth: -1,
    pathAtUs: 0,
  };
}

/**
 * The deepest level whose node holds both instants (0 <= a, b < 2^50): a node
 * of level l spans 2^(50 - l) microseconds, so two instants share it while
 * they agree on every bit from 50 - l up.
 */
function commonLevel(a: number, b: number): number {
  const high = Math.floor(a / 4294967296) ^ Math.floor(b / 4294967296);
  const highestDifferentBit = high !== 0 ? 63 - Math.clz32(high) : 31 - Math.clz32((a ^ b) >>> 0);
  return highestDifferentBit < 0 ? TREE_LEVELS : TREE_LEVELS - 1 - highestDifferentBit;
}

/** `leftShare` of a node, through the stream's memo. */
function leftOf(s: ArrivalStream, level: number, index: number, n: number): number {
  // `index & 1` is the parity of index < 2^50 too: ToInt32 keeps the low 32 bits of an integer.
  const slot = 2 * level + (index & 1);
  if (s.memoIndex[slot] === index) return s.memoLeft[slot]!;
  const left = leftShare(s.key, level, index, n);
  s.memoIndex[slot] = index;
  s.memoLeft[slot] = left;
  return left;
}

/** What one walk asks for and sums: the interval, the resolution, and the pieces' counts and waits. */
interface Walk {
  s: ArrivalStream;
  fromUs: Micros;
  toUs: Micros;
  resolutionUs: number;
  /** Waits are counted up to this instant (NaN: no waits wanted). */
  untilUs: Micros;
  count: number;
  waitUs: number;
}

/**
 * Adds the arrivals of node (level, index), holding `n`, that fall in the
 * walk's interval: whole nodes inside it (down to pieces of `resolutionUs`)
 * count at once, each piece's waits from its middle; walks only nodes that
 * hold arrivals.
 */
function visitNode(w: Walk, level: number, index: number, n: number): void {
  if (n === 0) return;
  const size = NODE_SIZE_US[level]!;
  const lo = index * size;
  const hi = lo + size;
  if (hi <= w.fromUs || lo >= w.toUs) return;
  if (lo >= w.fromUs && hi <= w.toUs && size <= w.resolutionUs) {
    w.count += n;
    if (w.untilUs === w.untilUs) w.waitUs += n * (w.untilUs - (Math.max(lo, w.fromUs) + Math.min(hi, w.toUs)) / 2);
    return;
  }
  const left = leftOf(w.s, level, index, n);
  visitNode(w, level + 1, index * 2, left);
  visitNode(w, level + 1, index * 2 + 1, n - left);
}

function walk(s: ArrivalStream, fromUs: Micros, toUs: Micros, resolutionUs: number, untilUs: Micros): Walk {
  const w: Walk = { s, fromUs, toUs, resolutionUs, untilUs, count: 0, waitUs: 0 };
  if (toUs <= fromUs) return w;
  if (fromUs <= 0 || toUs > TREE_SPAN_US) {
    visitNode(w, 0, 0, s.root);
    return w;
  }
  // Every node holding part of [fromUs, toUs) lies under the deepest node holding both ends (found on the
  // path to fromUs): the walk starts there and adds the same pieces, in the same order, as from the root.
  pathTo(s, fromUs);
  const level = Math.min(s.pathDepth, commonLevel(fromUs, toUs - 1));
  visitNode(w, level, s.pathIndex[level]!, s.pathN[level]!);
  return w;
}

/**
 * How many requests arrive in [0, atUs): one path from the root, adding each
 * left half passed on the way. The counts are whole numbers that add up
 * exactly (a node's count is its halves'), so the arrivals of [a, b) are
 * prefix(b) - prefix(a), for one path each instead of a walk around both ends.
 */
function arrivalsBefore(s: ArrivalStream, atUs: Micros): number {
  if (atUs <= 0) return 0;
  if (atUs >= TREE_SPAN_US) return s.root;
  pathTo(s, atUs);
  return s.pathBefore[s.pathDepth]!;
}

/** Walks (or resumes) the path from the root to `atUs` (0 < atUs < 2^50), keeping each level's node in the stream's path memo. */
function pathTo(s: ArrivalStream, atUs: Micros): void {
  let level = 0;
  if (s.pathDepth < 0) {
    s.pathIndex[0] = 0;
    s.pathN[0] = s.root;
    s.pathBefore[0] = 0;
  } else level = Math.min(s.pathDepth, commonLevel(s.pathAtUs, atUs));
  s.pathAtUs = atUs;
  let before = s.pathBefore[level]!;
  let n = s.pathN[level]!;
  let index = s.pathIndex[level]!;
  for (; level < TREE_LEVELS && n > 0; level++) {
    const left = leftOf(s, level, index, n);
    const middle = index * NODE_SIZE_US[level]! + NODE_SIZE_US[level + 1]!;
    if (atUs < middle) {
      n = left;
      index *= 2;
    } else {
      before += left;
      n -= left;
      index = index * 2 + 1;
    }
    s.pathIndex[level + 1] = index;
    s.pathN[level + 1] = n;
    s.pathBefore[level + 1] = before;
  }
  // At the last level a node is one microsecond: [index, index + 1) lies before atUs only if it was passed on the right.
  s.pathDepth = level;
}

/** How many requests arrive in [fromUs, toUs). */
export function arrivalsBetween(s: ArrivalStream, fromUs: Micros, toUs: Micros): number {
  return toUs > fromUs ? arrivalsBefore(s, toUs) - arrivalsBefore(s, fromUs) : 0;
}

/**
 * The requests arriving in [fromUs, toUs), and the sum of their waits until
 * `untilUs`. Arrival instants are known to the nearest piece of a 256th of
 * the interval (1 ms at least): each piece's arrivals count from its middle.
 */
export function arrivalsAndWaits(s: ArrivalStream, fromUs: Micros, toUs: Micros, untilUs: Micros): { count: number; waitUs: number } {
  const w = walk(s, fromUs, toUs, Math.max(1000, (toUs - fromUs) / 256), untilUs);
  return { count: w.count, waitUs: Math.round(w.waitUs) };
}
