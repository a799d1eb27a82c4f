/**
 * A map keyed by record `seq`. Seqs are dense (0, 1, 2, ...) in real traces,
 * so an array is used then: at 200,000 records it is several times faster
 * to fill than a Map. Sparse or odd seqs fall back to a Map.
 */
export interface SeqMap<T> {
  get(seq: number): T | undefined;
  has(seq: number): boolean;
  set(seq: number, value: T): unknown;
  readonly size: number;
}

class DenseSeqMap<T> implements SeqMap<T> {
  private readonly items: (T | undefined)[];
  size = 0;

  constructor(length: number) {
    this.items = new Array<T | undefined>(length);
  }

  get(seq: number): T | undefined {
    return this.items[seq];
  }

  has(seq: number): boolean {
    return this.items[seq] !== undefined;
  }

  set(seq: number, value: T): this {
    if (this.items[seq] === undefined) this.size++;
    this.items[seq] = value;
    return this;
  }
}

/** The largest seq, or -1 when some seq is not a non-negative integer (then only a Map will do). */
export function maxSeqOf(records: readonly { seq: number }[]): number {
  let max = -1;
  for (let i = 0; i < records.length; i++) {
    const seq = records[i]!.seq;
    if (!Number.isInteger(seq) || seq < 0) return -1;
    if (seq > max) max = seq;
  }
  return max;
}

/** A SeqMap for `count` records whose largest seq is maxSeq (from maxSeqOf). */
export function createSeqMap<T>(maxSeq: number, count: number): SeqMap<T> {
  return maxSeq >= 0 && maxSeq <= count * 4 + 1024 ? new DenseSeqMap<T>(maxSeq + 1) : new Map<number, T>();
}
