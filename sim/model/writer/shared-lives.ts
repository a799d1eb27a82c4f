import type { Life, PendingStart } from '../state.js';

type Waiting = Extract<Life, { state: 'stopped' }> & { pending: PendingStart };
type Running = Extract<Life, { state: 'running' }>;

/** Every field of a pending start, so that a field added to it cannot be left out of `samePending`. */
const PENDING_FIELDS = { cause: true, origin: true, asRestart: true, waitFor: true, refused: true } as const satisfies { [K in keyof Required<PendingStart>]: true };

/** Those fields as a list, walked by index: a `for ... in` over the object enumerated its keys anew at every start. */
const PENDING_KEYS = Object.freeze(Object.keys(PENDING_FIELDS) as (keyof PendingStart)[]);

function samePending(a: PendingStart, b: PendingStart): boolean {
  for (let i = 0; i < PENDING_KEYS.length; i++) if (a[PENDING_KEYS[i]!] !== b[PENDING_KEYS[i]!]) return false;
  return true;
}

/**
 * Lifecycle states shared by the components in the same state with the same
 * data, as a boot makes them: it asks every component to start at one
 * instant, for the same cause, and most of a tree of 10^6 components waits
 * (a life and a pending start each were some 100 MB, all at once); then
 * each level of the tree reaches running at one instant. The last one of
 * each kind made is kept: such lives come in bursts.
 *
 * A shared life is frozen and never changed in place: a refusal, a stop
 * that is ignored, a flush at a reset give the component a new life. So
 * sharing is safe in the state and in a `structuredClone` of it (a fork),
 * where the copies stay shared but are no longer frozen.
 */
export class SharedLives {
  private lastWaiting: Waiting | undefined;
  private lastRunning: Running | undefined;

  /** Stopped, waiting to start (R4). */
  waiting(pending: PendingStart): Life {
    if (this.lastWaiting !== undefined && samePending(this.lastWaiting.pending, pending)) return this.lastWaiting;
    this.lastWaiting = Object.freeze({ state: 'stopped', pending: Object.freeze(pending) }) as Waiting;
    return this.lastWaiting;
  }

  /** Running since `startedAtUs`, no stop asked of it. */
  running(startedAtUs: number): Life {
    if (this.lastRunning?.startedAtUs !== startedAtUs) this.lastRunning = Object.freeze({ state: 'running', startedAtUs }) as Running;
    return this.lastRunning;
  }
}
