import type { EventHeap } from './heap.js';
import type { Micros } from './time.js';

/**
 * A periodic timer whose occurrences find nothing until its wake occurrence
 * or until the model wakes it (a probe worker of a healthy process): the
 * engine keeps its grid and its place in the (time, sequence) order without
 * queueing an event per period.
 *
 * It stands for a chain of real events in which each occurrence is handled as
 * a no-op that schedules the next one period later, and it is exact, ties
 * included: in that chain the occurrence at X takes its sequence number when
 * the one at X - period is handled, so among the events due at X it comes
 * after those scheduled before that moment and before those scheduled after.
 * `crossBefore` hands out the same sequence numbers, in the same relative
 * order, for a whole stretch of occurrences at once.
 */
export interface QuietChain<E> {
  /** The next occurrence, not crossed yet, and its sequence number. */
  atUs: Micros;
  seq: number;
  periodUs: Micros;
  /** The first occurrence that is queued as a real event (Infinity: none until woken). */
  wakeOccurrenceUs: Micros;
  event: E;
  /** What the scheduler keeps beside it (the state the chain was found quiet for). */
  note: unknown;
}

interface Crossing<E> {
  chain: QuietChain<E>;
  /** The last occurrence crossed in this stretch. */
  lastUs: Micros;
}

/**
 * Order of two chains' last crossed occurrences when both fall at the same
 * instant X, as the chain of no-ops would have handled them: by the moments
 * their occurrences at X were scheduled (their occurrences one period
 * earlier), back to an occurrence whose sequence number was known before the
 * stretch. An occurrence known before the stretch comes first; of two chains
 * with different periods, the one with the longer period was scheduled at an
 * earlier instant; with the same period they coincide all the way back, and
 * the one whose known occurrence is later reaches it first.
 */
function crossingOrder<E>(a: Crossing<E>, b: Crossing<E>): number {
  if (a.lastUs !== b.lastUs) return a.lastUs - b.lastUs;
  const at = a.lastUs;
  const aKnown = at === a.chain.atUs;
  const bKnown = at === b.chain.atUs;
  if (aKnown && bKnown) return a.chain.seq - b.chain.seq;
  if (aKnown) return -1;
  if (bKnown) return 1;
  // (Their next occurrences then differ, so this order is never observed; it keeps the order total.)
  if (a.chain.periodUs !== b.chain.periodUs) return b.chain.periodUs - a.chain.periodUs;
  if (a.chain.atUs !== b.chain.atUs) return b.chain.atUs - a.chain.atUs;
  return a.chain.seq - b.chain.seq;
}

export class QuietChains<E> {
  private chains: QuietChain<E>[] = [];

  get size(): number {
    return this.chains.length;
  }

  list(): readonly QuietChain<E>[] {
    return this.chains;
  }

  /**
   * A chain whose first occurrence is at `atUs`, scheduled now (it takes its
   * sequence number now); occurrences from the first at or after `wakeAtUs`
   * on are real events.
   */
  add(heap: EventHeap<E>, atUs: Micros, periodUs: Micros, wakeAtUs: Micros, event: E, note: unknown): void {
    if (!(periodUs > 0) || !Number.isInteger(periodUs)) throw new Error(`engine: a quiet chain needs a positive integer period, got ${periodUs}`);
    const seq = heap.takeSeq();
    const wakeOccurrenceUs = wakeAtUs <= atUs ? atUs : wakeAtUs === Infinity ? Infinity : atUs + Math.ceil((wakeAtUs - atUs) / periodUs) * periodUs;
    if (wakeOccurrenceUs === atUs) heap.pushWithSeq(atUs, seq, event);
    else this.chains.push({ atUs, seq, periodUs, wakeOccurrenceUs, event, note });
  }

  /** Its next occurrence becomes a real event, in the place it holds. */
  wake(heap: EventHeap<E>, chain: QuietChain<E>): void {
    const i = this.chains.indexOf(chain);
    if (i < 0) return;
    this.chains.splice(i, 1);
    heap.pushWithSeq(chain.atUs, chain.seq, chain.event);
  }

  /** Every chain woken (a fork starts so: its notes describe the original's state). */
  wakeAll(heap: EventHeap<E>): void {
    for (const chain of this.chains) heap.pushWithSeq(chain.atUs, chain.seq, chain.event);
    this.chains = [];
  }

  /**
   * Crosses every occurrence due before the earliest queued event and before
   * `untilUs`: each stands for a no-op handled then. An occurrence that
   * reaches its chain's wake occurrence is queued as a real event; that event
   * may be due before the earliest queued one, so this repeats until none is.
   */
  crossBefore(heap: EventHeap<E>, untilUs: Micros): void {
    for (;;) {
      const topUs = heap.peekTime();
      let boundUs = Math.min(topUs, untilUs);
      let boundSeq = topUs < untilUs ? heap.peekSeq() : -Infinity;
      for (const chain of this.chains) {
        if (chain.wakeOccurrenceUs < boundUs) {
          boundUs = chain.wakeOccurrenceUs;
          boundSeq = -Infinity;
        }
      }
      if (!Number.isFinite(boundUs)) return;
      let crossed: Crossing<E>[] | undefined;
      for (const chain of this.chains) {
        if (chain.atUs > boundUs || (chain.atUs === boundUs && chain.seq > boundSeq)) continue;
        const limitUs = Math.min(boundUs, chain.wakeOccurrenceUs);
        const steps = Math.max(0, Math.ceil((limitUs - chain.atUs) / chain.periodUs) - 1);
        (crossed ??= []).push({ chain, lastUs: chain.atUs + steps * chain.periodUs });
      }
      if (crossed === undefined) return;
      crossed.sort(crossingOrder);
      let queued = false;
      for (const { chain, lastUs } of crossed) {
        chain.atUs = lastUs + chain.periodUs;
        chain.seq = heap.takeSeq();
        if (chain.atUs === chain.wakeOccurrenceUs) {
          this.chains.splice(this.chains.indexOf(chain), 1);
          heap.pushWithSeq(chain.atUs, chain.seq, chain.event);
          queued = true;
        }
      }
      if (!queued) return;
    }
  }

  clone(): QuietChains<E> {
    const copy = new QuietChains<E>();
    copy.chains = this.chains.map((chain) => ({ ...chain, event: structuredClone(chain.event) }));
    return copy;
  }
}
