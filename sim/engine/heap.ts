/**
 * A binary min-heap of events ordered by (time, sequence number).
 *
 * Keys live in two typed arrays and payloads in a parallel plain array, so a
 * sift moves numbers, not objects. The sequence number is assigned on push and
 * only ever grows, so two events at the same time leave in the order they were
 * scheduled: ties never depend on sort stability.
 */
export class EventHeap<T> {
  private times: Float64Array;
  private seqs: Float64Array;
  private items: (T | undefined)[];
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.items = new Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  /** Sequence number of the earliest event; Infinity when empty. */
  peekSeq(): number {
    return this.count === 0 ? Infinity : this.seqs[0]!;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.times[0]!;
  }

  push(time: number, item: T): number {
    return this.pushWithSeq(time, this.nextSeq++, item);
  }

  /**
   * Hands out the sequence number the next push would get, without pushing:
   * an event decided now but queued later (see Engine.scheduleQuiet) keeps
   * its place among the events due at the same instant.
   */
  takeSeq(): number {
    return this.nextSeq++;
  }

  /** Pushes with a sequence number taken earlier by `takeSeq` (each is used once). */
  pushWithSeq(time: number, seq: number, item: T): number {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
    return seq;
  }

  /** Removes and returns the earliest event; undefined when empty. */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const items = this.items;
    const top = items[0];
    const last = --this.count;
    if (last > 0) this.siftDownFromRoot(this.times[last]!, this.seqs[last]!, items[last]);
    items[last] = undefined;
    return top;
  }

  private siftDownFromRoot(time: number, seq: number, item: T | undefined): void {
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const n = this.count;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let childTime = times[child]!;
      let childSeq = seqs[child]!;
      const right = child + 1;
      if (right < n) {
        const rightTime = times[right]!;
        if (rightTime < childTime || (rightTime === childTime && seqs[right]! < childSeq)) {
          child = right;
          childTime = rightTime;
          childSeq = seqs[right]!;
        }
      }
      if (time < childTime || (time === childTime && seq < childSeq)) break;
      times[i] = childTime;
      seqs[i] = childSeq;
      items[i] = items[child];
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** The pending events in the order they will leave: (time, sequence) ascending. O(n log n), for inspection. */
  entries(): { time: number; seq: number; item: T }[] {
    const out: { time: number; seq: number; item: T }[] = [];
    for (let i = 0; i < this.count; i++) out.push({ time: this.times[i]!, seq: this.seqs[i]!, item: this.items[i] as T });
    return out.sort((a, b) => a.time - b.time || a.seq - b.seq);
  }

  /** The earliest entry without removing it; undefined when empty. */
  peek(): { time: number; seq: number; item: T } | undefined {
    return this.count === 0 ? undefined : { time: this.times[0]!, seq: this.seqs[0]!, item: this.items[0] as T };
  }

  /**
   * An independent copy: same entries, same next sequence number, so both
   * copies hand out the same events in the same order. Items are copied with
   * `structuredClone`, so they must be plain data.
   */
  clone(): EventHeap<T> {
    const copy = new EventHeap<T>(this.times.length);
    copy.times.set(this.times);
    copy.seqs.set(this.seqs);
    copy.items = structuredClone(this.items.slice(0, this.count));
    copy.items.length = this.times.length;
    copy.count = this.count;
    copy.nextSeq = this.nextSeq;
    return copy;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.items.length = capacity;
  }
}
