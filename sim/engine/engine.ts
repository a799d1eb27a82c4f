import { EventHeap } from './heap.js';
import type { Micros } from './time.js';

/** Why a run stopped. */
export type RunOutcome =
  | { kind: 'time-limit'; atUs: Micros }
  | { kind: 'idle'; atUs: Micros }
  | { kind: 'event-budget-exhausted'; atUs: Micros; events: number };

export interface RunLimits {
  /** Events at or after this instant are not processed. */
  untilUs: Micros;
  /** The most events one run may process; reaching it is a reported outcome, never a hang. */
  eventBudget: number;
}

/**
 * The event loop. It knows nothing of operating systems: it holds the clock
 * and a queue of opaque events, and hands each event, in (time, sequence)
 * order, to the handler given to `run`.
 */
export class Engine<E> {
  private queue = new EventHeap<E>();
  private clockUs: Micros = 0;
  private processed = 0;

  get nowUs(): Micros {
    return this.clockUs;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Schedules `event` at `delayUs` from now; the delay must be a non-negative integer. */
  schedule(delayUs: Micros, event: E): void {
    if (!(delayUs >= 0) || !Number.isInteger(delayUs)) {
      throw new Error(`engine: delay must be a non-negative integer of microseconds, got ${delayUs}`);
    }
    this.queue.push(this.clockUs + delayUs, event);
  }

  /** Schedules `event` at an absolute instant, which must not be in the past. */
  scheduleAt(atUs: Micros, event: E): void {
    this.schedule(atUs - this.clockUs, event);
  }

  /** The next event and its instant, without taking it; undefined when nothing is pending. */
  peek(): { atUs: Micros; seq: number; event: E } | undefined {
    const top = this.queue.peek();
    return top && { atUs: top.time, seq: top.seq, event: top.item };
  }

  /** Every pending event in the deterministic order it will be handled (same-instant ones by sequence). */
  pendingEvents(): { atUs: Micros; seq: number; event: E }[] {
    return this.queue.entries().map((e) => ({ atUs: e.time, seq: e.seq, event: e.item }));
  }

  /**
   * Handles exactly one event, if one is due within the limits; returns the
   * outcome when the run is over instead (then nothing was handled).
   */
  step(handle: (event: E) => void, limits: RunLimits): RunOutcome | undefined {
    const next = this.queue.peekTime();
    if (next === Infinity) {
      // Nothing can happen any more: the run still spans its whole time limit.
      this.clockUs = Math.max(this.clockUs, limits.untilUs);
      return { kind: 'idle', atUs: this.clockUs };
    }
    if (next >= limits.untilUs) {
      this.clockUs = limits.untilUs;
      return { kind: 'time-limit', atUs: limits.untilUs };
    }
    if (this.processed >= limits.eventBudget) {
      return { kind: 'event-budget-exhausted', atUs: this.clockUs, events: this.processed };
    }
    this.clockUs = next;
    this.processed++;
    handle(this.queue.pop() as E);
    return undefined;
  }

  /**
   * Moves the clock forward to `atUs` without handling anything, so that
   * something can happen at that instant before the events due then
   * (exhaustive exploration injects a fault between two events this way).
   * `atUs` must lie between now and the next pending event.
   */
  advanceTo(atUs: Micros): void {
    if (!Number.isInteger(atUs) || atUs < this.clockUs || atUs > this.queue.peekTime()) {
      throw new Error(`engine: cannot advance from ${this.clockUs} to ${atUs} (next event at ${this.queue.peekTime()})`);
    }
    this.clockUs = atUs;
  }

  /** An independent engine at the same instant with the same pending events: it continues exactly as this one would. */
  fork(): Engine<E> {
    const copy = new Engine<E>();
    copy.queue = this.queue.clone();
    copy.clockUs = this.clockUs;
    copy.processed = this.processed;
    return copy;
  }

  /** Handles events until the run is over: `step` until it returns an outcome. */
  run(handle: (event: E) => void, limits: RunLimits): RunOutcome {
    for (;;) {
      const outcome = this.step(handle, limits);
      if (outcome !== undefined) return outcome;
    }
  }
}
