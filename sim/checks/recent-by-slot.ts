import { NO_POSITIONS, positionsOf, type ComponentPositions } from './component-positions.js';

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
 * by seq in a window of recent seqs backed by an open-addressing table
 * (SeqIndex, SeqTable) rather than a Map whose entries come and go with
 * every record. Given the scenario's components, a
 * sub-slot that names one of them is a place in a typed array of seqs per
 * slot (8 bytes per component and seq kept), not an entry of a map of names.
 */
export class RecentBySlot<F> {
  private readonly factsBySeq = new SeqIndex<F>();
  /**
   * Slot -> sub-slot -> the last `perSlot` seqs (two keys, so no key string
   * is built per record): the seq itself when one is kept per slot (no ring
   * object per slot: a large system has hundreds of thousands of slots).
   */
  private readonly ringsBySlot = new Map<string, Map<string, SeqRing | number>>();
  /** Slot -> the rings of the sub-slots that are the scenario's components, by position. */
  private readonly ringsByPosition = new Map<string, PositionRings>();
  private readonly positions: ComponentPositions;

  constructor(private readonly perSlot = 1, components?: readonly { readonly name: string }[]) {
    if (perSlot < 1 || perSlot > 255) throw new Error(`RecentBySlot keeps 1 to 255 records per slot, got ${perSlot}`);
    this.positions = components === undefined ? NO_POSITIONS : positionsOf(components);
  }

  /** Files record `seq` under (slot, subSlot), forgetting the oldest of that slot beyond `perSlot`. */
  remember(slot: string, seq: number, facts: F, subSlot = ''): void {
    const dense = this.ringsByPosition.get(slot);
    const at = dense === undefined ? -1 : this.positions.of(subSlot);
    if (dense !== undefined && at >= 0) {
      const forgotten = dense.push(at, seq);
      if (forgotten !== NO_SEQ) this.factsBySeq.delete(forgotten);
      this.factsBySeq.set(seq, facts);
      return;
    }
    let subs = this.ringsBySlot.get(slot);
    if (!subs) this.ringsBySlot.set(slot, (subs = new Map()));
    else if (subs.size >= this.positions.count / DENSE_FROM_SHARE && this.positions.count > 0 && dense === undefined) {
      this.ringsByPosition.set(slot, this.densify(subs));
      this.remember(slot, seq, facts, subSlot);
      return;
    }
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

  /** Moves the sub-slots of `subs` that are components into rings by position, oldest seq first. */
  private densify(subs: Map<string, SeqRing | number>): PositionRings {
    const rings = new PositionRings(this.positions.count, this.perSlot);
    for (const [subSlot, kept] of subs) {
      const at = this.positions.of(subSlot);
      if (at < 0) continue;
      if (typeof kept === 'number') rings.push(at, kept);
      else for (const seq of kept.oldestFirst()) rings.push(at, seq);
      subs.delete(subSlot);
    }
    return rings;
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

/**
 * A slot's sub-slots move from a map of names to rings by position once it
 * holds one component in this many: a map entry (and a ring object when more
 * than one seq is kept) costs some 40-100 bytes, a place in the typed array
 * 8 bytes per seq kept for every component, used or not.
 */
const DENSE_FROM_SHARE = 8;

/** No seq: an empty place of a ring or a table (seqs are never negative). */
const NO_SEQ = -1;

/** The last `capacity` seqs filed under one slot. */
class SeqRing {
  private readonly seqs: number[];
  private next = 0;

  constructor(capacity: number) {
    this.seqs = new Array<number>(capacity).fill(NO_SEQ);
  }

  /** The seqs it holds, oldest first. */
  oldestFirst(): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.seqs.length; k++) {
      const seq = this.seqs[(this.next + k) % this.seqs.length]!;
      if (seq !== NO_SEQ) out.push(seq);
    }
    return out;
  }

  /** Keeps `seq`; returns the seq it pushed out (NO_SEQ while the ring fills). */
  push(seq: number): number {
    const out = this.seqs[this.next]!;
    this.seqs[this.next] = seq;
    this.next = this.next + 1 === this.seqs.length ? 0 : this.next + 1;
    return out;
  }
}

/** The last `perSlot` seqs of each of `count` sub-slots, in one typed array (a ring per sub-slot). */
class PositionRings {
  private readonly seqs: Float64Array;
  /** Where each ring writes next (only when it keeps more than one). */
  private readonly next: Uint8Array | undefined;

  constructor(count: number, private readonly perSlot: number) {
    this.seqs = new Float64Array(count * perSlot).fill(NO_SEQ);
    this.next = perSlot > 1 ? new Uint8Array(count) : undefined;
  }

  /** Keeps `seq` in ring `at`; returns the seq it pushed out (NO_SEQ while the ring fills). */
  push(at: number, seq: number): number {
    if (this.next === undefined) {
      const out = this.seqs[at]!;
      this.seqs[at] = seq;
      return out;
    }
    const n = this.next[at]!;
    const place = at * this.perSlot + n;
    const out = this.seqs[place]!;
    this.seqs[place] = seq;
    this.next[at] = n + 1 === this.perSlot ? 0 : n + 1;
    return out;
  }
}

/**
 * A map from seq to facts for seqs filed mostly in order: a seq's place is
 * `seq mod capacity` in a window (a power of two), so records filed and
 * pushed out in the order they were written touch the window in order; a seq
 * whose place is taken by a newer one while it is still kept moves to a
 * SeqTable. The window doubles instead once it is half full, so it spans
 * the seqs a run keeps (at most four places for each seq kept when it last
 * doubled) and the table holds only the stragglers of a long run.
 *
 * recovers-after-faults files every record of a 10^6 boot and pushes out the
 * one before it of the same component and type: in a table hashed by
 * Fibonacci (consecutive seqs spread apart, so every one a cache miss) that
 * was 0.9 s of the run.
 */
class SeqIndex<F> {
  private keys = new Float64Array(16).fill(NO_SEQ);
  private values: (F | undefined)[] = new Array<F | undefined>(16).fill(undefined);
  private mask = 15;
  private inWindow = 0;
  private readonly stragglers = new SeqTable<F>();
  /** The largest seq ever filed: a larger one is in neither place yet. */
  private newest = NO_SEQ;

  get size(): number {
    return this.inWindow + this.stragglers.size;
  }

  get(seq: number): F | undefined {
    const i = seq & this.mask;
    if (this.keys[i] === seq) return this.values[i];
    return this.stragglers.size > 0 ? this.stragglers.get(seq) : undefined;
  }

  set(seq: number, facts: F): void {
    const i = seq & this.mask;
    if (this.keys[i] === seq) {
      this.values[i] = facts;
      return;
    }
    // A seq filed again (an invariant may file a record under its cause's seq) stays where it is.
    if (seq <= this.newest && this.stragglers.size > 0 && this.stragglers.has(seq)) {
      this.stragglers.set(seq, facts);
      return;
    }
    if (seq > this.newest) this.newest = seq;
    const taken = this.keys[i]!;
    if (taken !== NO_SEQ) {
      if (this.inWindow * 2 >= this.keys.length) {
        this.grow();
        this.set(seq, facts);
        return;
      }
      this.stragglers.set(taken, this.values[i] as F);
      this.inWindow--;
    }
    this.keys[i] = seq;
    this.values[i] = facts;
    this.inWindow++;
  }

  delete(seq: number): void {
    const i = seq & this.mask;
    if (this.keys[i] === seq) {
      this.keys[i] = NO_SEQ;
      this.values[i] = undefined;
      this.inWindow--;
    } else if (this.stragglers.size > 0) this.stragglers.delete(seq);
  }

  /** Twice the window: each seq kept in it keeps its place modulo the old size, so none collide. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldKeys.length * 2;
    this.keys = new Float64Array(capacity).fill(NO_SEQ);
    this.values = new Array<F | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const seq = oldKeys[i]!;
      if (seq === NO_SEQ) continue;
      this.keys[seq & this.mask] = seq;
      this.values[seq & this.mask] = oldValues[i];
    }
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

  has(seq: number): boolean {
    return this.keys[this.find(seq)] === seq;
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
