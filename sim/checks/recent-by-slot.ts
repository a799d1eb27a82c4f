/**
 * Facts about recent records, looked up by `seq`: what an online checker keeps
 * instead of the whole trace when it must follow a record's `cause`. Each
 * record is filed under a slot (for example its type and component) and only
 * the last `perSlot` records of each slot are kept, so memory is bounded by
 * the number of slots, i.e. by the system, never by the length of the run.
 *
 * A cause is nearly always recent (the record that caused another was written
 * at the same instant, or is the last of its kind for that component); a
 * cause that has been pushed out of its slot reads as unknown, the same as a
 * record with no cause.
 *
 * It is called for most records of a run, so it allocates nothing per record
 * once its slots exist: each slot is a ring of seqs, and the facts are found
 * by seq in an open-addressing table (SeqTable) rather than a Map whose
 * entries come and go with every record.
 */
export class RecentBySlot<F> {
  private readonly factsBySeq = new SeqTable<F>();
  /**
   * Slot -> sub-slot -> the last `perSlot` seqs (two keys, so no key string
   * is built per record): the seq itself when one is kept per slot (no ring
   * object per slot: a large system has hundreds of thousands of slots).
   */
  private readonly ringsBySlot = new Map<string, Map<string, SeqRing | number>>();

  constructor(private readonly perSlot = 1) {
    if (perSlot < 1) throw new Error(`RecentBySlot keeps at least one record per slot, got ${perSlot}`);
  }

  /** Files record `seq` under (slot, subSlot), forgetting the oldest of that slot beyond `perSlot`. */
  remember(slot: string, seq: number, facts: F, subSlot = ''): void {
    let subs = this.ringsBySlot.get(slot);
    if (!subs) this.ringsBySlot.set(slot, (subs = new Map()));
    const kept = subs.get(subSlot);
    let forgotten: number;
    if (this.perSlot === 1) {
      forgotten = (kept as number | undefined) ?? NO_SEQ;
      subs.set(subSlot, seq);
    } else {
      let ring = kept as SeqRing | undefined;
      if (!ring) subs.set(subSlot, (ring = new SeqRing(this.perSlot)));
      forgotten = ring.push(seq);
    }
    if (forgotten !== NO_SEQ) this.factsBySeq.delete(forgotten);
    this.factsBySeq.set(seq, facts);
  }

  /** The facts of record `seq`, if it is still among the last of its slot. */
  get(seq: number | undefined): F | undefined {
    return seq === undefined ? undefined : this.factsBySeq.get(seq);
  }

  /** Records kept. */
  get size(): number {
    return this.factsBySeq.size;
  }
}

/** No seq: an empty place of a ring or a table (seqs are never negative). */
const NO_SEQ = -1;

/** The last `capacity` seqs filed under one slot. */
class SeqRing {
  private readonly seqs: number[];
  private next = 0;

  constructor(capacity: number) {
    this.seqs = new Array<number>(capacity).fill(NO_SEQ);
  }

  /** Keeps `seq`; returns the seq it pushed out (NO_SEQ while the ring fills). */
  push(seq: number): number {
    const out = this.seqs[this.next]!;
    this.seqs[this.next] = seq;
    this.next = this.next + 1 === this.seqs.length ? 0 : this.next + 1;
    return out;
  }
}

/**
 * A map from seq to facts: linear probing over a power-of-two table, kept at
 * most half full, deletion by backward shift (no tombstones), so a table
 * whose entries churn with every record neither grows nor allocates.
 */
class SeqTable<F> {
  private keys = new Float64Array(16).fill(NO_SEQ);
  private values: (F | undefined)[] = new Array<F | undefined>(16).fill(undefined);
  private mask = 15;
  private shift = 28;
  size = 0;

  private home(seq: number): number {
    // Fibonacci hashing: consecutive seqs spread over the table.
    return Math.imul(seq | 0, 0x9e3779b1) >>> this.shift;
  }

  private find(seq: number): number {
    const keys = this.keys;
    for (let i = this.home(seq); ; i = (i + 1) & this.mask) {
      const key = keys[i]!;
      if (key === seq || key === NO_SEQ) return i;
    }
  }

  get(seq: number): F | undefined {
    const i = this.find(seq);
    return this.keys[i] === seq ? this.values[i] : undefined;
  }

  set(seq: number, facts: F): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.find(seq);
    if (this.keys[i] === NO_SEQ) this.size++;
    this.keys[i] = seq;
    this.values[i] = facts;
  }

  delete(seq: number): void {
    const keys = this.keys;
    const mask = this.mask;
    let hole = this.find(seq);
    if (keys[hole] !== seq) return;
    this.size--;
    // Backward shift: every entry after the hole that may not stay (its home is not cyclically in (hole, j]) moves into it.
    for (let j = (hole + 1) & mask; keys[j] !== NO_SEQ; j = (j + 1) & mask) {
      const home = this.home(keys[j]!);
      const stays = hole < j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      keys[hole] = keys[j]!;
      this.values[hole] = this.values[j];
      hole = j;
    }
    keys[hole] = NO_SEQ;
    this.values[hole] = undefined;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldKeys.length * 2;
    this.keys = new Float64Array(capacity).fill(NO_SEQ);
    this.values = new Array<F | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    this.shift--;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== NO_SEQ) this.set(oldKeys[i]!, oldValues[i] as F);
  }
}
