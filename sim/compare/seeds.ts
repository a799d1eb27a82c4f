/** Seed lists as users write them: `1..1000`, `7`, `1..10,20..30`. */

export const SEEDS_MAX = 10_000_000;

/** Parses a seed list; returns an error message instead of throwing, for the CLI to place after the flag. */
export function parseSeeds(text: string): number[] | { error: string } {
  const seeds: number[] = [];
  const seen = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:\.\.\s*(\d+)\s*)?$/.exec(part);
    if (!m) return { error: `expected seeds such as "1..1000" or "1,5,9", got "${part.trim()}"` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return { error: `seed too large in "${part.trim()}"` };
    if (to < from) return { error: `"${part.trim()}" runs backwards; write the smaller seed first` };
    if (seeds.length + (to - from + 1) > SEEDS_MAX) return { error: `more than ${SEEDS_MAX} seeds` };
    for (let s = from; s <= to; s++) {
      if (seen.has(s)) continue;
      seen.add(s);
      seeds.push(s);
    }
  }
  return seeds;
}

/** Writes a seed list back compactly: [1,2,3,7] -> "1..3,7". */
export function formatSeeds(seeds: readonly number[]): string {
  const sorted = [...seeds].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}..${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `--shard i/n`: 1 <= i <= n. */
export function parseShard(text: string): { index: number; count: number } | { error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return { error: `expected i/n such as "2/8", got "${text}"` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return { error: `shard ${text}: i must be between 1 and n` };
  return { index, count };
}

/** The i-th of n contiguous, near-equal slices of the seed list (1-based). */
export function shardOf<T>(items: readonly T[], index: number, count: number): T[] {
  const from = Math.floor(((index - 1) * items.length) / count);
  const to = Math.floor((index * items.length) / count);
  return items.slice(from, to);
}
