import type { Life, PendingStart } from '../state.js';

type Waiting = Extract<Life, { state: 'stopped' }> & { pending: PendingStart };

/** Every field of a pending start, so that a field added to it cannot be left out of `samePending`. */
const PENDING_FIELDS = { cause: true, origin: true, asRestart: true, waitFor: true, refused: true } as const satisfies { [K in keyof Required<PendingStart>]: true };

function samePending(a: PendingStart, b: PendingStart): boolean {
  for (const key in PENDING_FIELDS) if (a[key as keyof PendingStart] !== b[key as keyof PendingStart]) return false;
  return true;
}

/**
 * The lifecycle of a start waiting for what it needs (R4), shared by the
 * components that wait with the same pending start: a boot asks every
 * component to start at one instant, for the same cause, and at 10^6
 * components most of them wait (a life and a pending start each were some
 * 100 MB, all at once). The last one made is kept: such starts come in a
 * burst. A waiting life is frozen and never changed in place (a refusal
 * gives the component a new one), so sharing it is safe in the state and in
 * a `structuredClone` of it, where the copies stay shared but unfrozen.
 */
export class WaitingLives {
  private last: Waiting | undefined;

  of(pending: PendingStart): Life {
    if (this.last !== undefined && samePending(this.last.pending, pending)) return this.last;
    this.last = Object.freeze({ state: 'stopped', pending: Object.freeze(pending) }) as Waiting;
    return this.last;
  }
}
