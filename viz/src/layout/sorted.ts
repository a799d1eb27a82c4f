/** Binary searches over arrays sorted by time; the viewer draws only what is in view. */

/** Index of the first element whose key is >= value (arr.length when none). */
export function lowerBound<T>(arr: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(arr[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Records ordered by (t, seq), sorting a copy only when they are not already in order. */
export function byTimeThenSeq<T extends { t: number; seq: number }>(records: readonly T[]): readonly T[] {
  for (let i = 1; i < records.length; i++) {
    const a = records[i - 1]!;
    const b = records[i]!;
    if (a.t > b.t || (a.t === b.t && a.seq > b.seq)) {
      return [...records].sort((x, y) => x.t - y.t || x.seq - y.seq);
    }
  }
  return records;
}
