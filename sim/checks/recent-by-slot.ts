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
 */
export class RecentBySlot<F> {
  private readonly factsBySeq = new Map<number, F>();
  /** Slot -> sub-slot -> the last `perSlot` seqs, oldest first (two keys, so no key string is built per record). */
  private readonly seqsBySlot = new Map<string, Map<string, number[]>>();

  constructor(private readonly perSlot = 1) {
    if (perSlot < 1) throw new Error(`RecentBySlot keeps at least one record per slot, got ${perSlot}`);
  }

  /** Files record `seq` under (slot, subSlot), forgetting the oldest of that slot beyond `perSlot`. */
  remember(slot: string, seq: number, facts: F, subSlot = ''): void {
    let subs = this.seqsBySlot.get(slot);
    if (!subs) this.seqsBySlot.set(slot, (subs = new Map()));
    let seqs = subs.get(subSlot);
    if (!seqs) subs.set(subSlot, (seqs = []));
    if (seqs.length >= this.perSlot) {
      this.factsBySeq.delete(seqs[0]!);
      seqs.copyWithin(0, 1);
      seqs[seqs.length - 1] = seq;
    } else seqs.push(seq);
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
