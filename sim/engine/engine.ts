import { EventHeap } from './heap.js';
import { QuietChains, type QuietChain } from './quiet-chains.js';
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
  /**
   * The most events one instant may hold (none: no limit). Virtual time that
   * stands still while events go on (a restart with no delay of a component
   * that fails as it starts) can never reach the run's end: the run is
   * stopped as if its budget were spent, at once instead of after it.
   */
  instantBudget?: number;
}

/**
 * The event loop. It knows nothing of operating systems: it holds the clock
 * and a queue of opaque events, and hands each event, in (time, sequence)
 * order, to the handler given to `run`.
 */
export class Engine<E> {
  private queue = new EventHeap<E>();
  private quiet = new QuietChains<E>();
  private clockUs: Micros = 0;
  private processed = 0;
  /** `processed` when the clock last moved: the events of the current instant are those since. */
  private processedBeforeInstant = 0;

  /**
   * `quietChains`: `scheduleQuiet` keeps a periodic timer's no-op occurrences
   * off the queue (see QuietChain); without it every occurrence is an event.
   * The two give the same events to the handler in the same order, except the
   * no-ops.
   */
  constructor(private readonly options: { quietChains?: boolean } = {}) {}

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

  /**
   * Schedules `event` at `delayUs` from now as the first occurrence of a
   * periodic timer whose occurrences before `wakeAtUs` the handler would
   * take as no-ops that schedule the next occurrence `periodUs` later: those
   * are crossed without being handled, until `wakeAtUs` or `wake`. `note`
   * stays beside it for whoever decides to wake it. Without `quietChains`,
   * a plain `schedule`.
   */
  scheduleQuiet(delayUs: Micros, periodUs: Micros, wakeAtUs: Micros, event: E, note: unknown): void {
    if (!this.options.quietChains) return this.schedule(delayUs, event);
    if (!(delayUs >= 0) || !Number.isInteger(delayUs)) {
      throw new Error(`engine: delay must be a non-negative integer of microseconds, got ${delayUs}`);
    }
    this.quiet.add(this.queue, this.clockUs + delayUs, periodUs, wakeAtUs, event, note);
  }

  /** The quiet timers, each at its next occurrence. */
  quietChains(): readonly QuietChain<E>[] {
    return this.quiet.list();
  }

  /** A quiet timer's next occurrence becomes a real event, in the place it holds in the order. */
  wake(chain: QuietChain<E>): void {
    this.quiet.wake(this.queue, chain);
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

  /** Every pending event in the deterministic order it will be handled (same-instant ones by sequence), quiet timers at their next occurrence. */
  pendingEvents(): { atUs: Micros; seq: number; event: E }[] {
    const pending = this.queue.entries().map((e) => ({ atUs: e.time, seq: e.seq, event: e.item }));
    if (this.quiet.size === 0) return pending;
    for (const chain of this.quiet.list()) pending.push({ atUs: chain.atUs, seq: chain.seq, event: chain.event });
    return pending.sort((a, b) => a.atUs - b.atUs || a.seq - b.seq);
  }

  /**
   * Handles exactly one event, if one is due within the limits; returns the
   * outcome when the run is over instead (then nothing was handled).
   */
  step(handle: (event: E) => void, limits: RunLimits): RunOutcome | undefined {
    if (this.quiet.size > 0) this.quiet.crossBefore(this.queue, limits.untilUs);
    const next = this.queue.peekTime();
    if (next === Infinity && this.quiet.size > 0 && Number.isFinite(limits.untilUs)) {
      // A quiet timer still ticks: the run lasts to its time limit, as the no-op events would have made it.
      this.clockUs = limits.untilUs;
      return { kind: 'time-limit', atUs: limits.untilUs };
    }
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
    if (next > this.clockUs) this.processedBeforeInstant = this.processed;
    else if (limits.instantBudget !== undefined && this.processed - this.processedBeforeInstant >= limits.instantBudget) {
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
    if (this.quiet.size > 0 && Number.isInteger(atUs) && atUs <= this.queue.peekTime()) this.quiet.crossBefore(this.queue, atUs);
    if (!Number.isInteger(atUs) || atUs < this.clockUs || atUs > this.queue.peekTime()) {
      throw new Error(`engine: cannot advance from ${this.clockUs} to ${atUs} (next event at ${this.queue.peekTime()})`);
    }
    if (atUs > this.clockUs) this.processedBeforeInstant = this.processed;
    this.clockUs = atUs;
  }

  /** An independent engine at the same instant with the same pending events: it continues exactly as this one would. */
  fork(): Engine<E> {
    const copy = new Engine<E>(this.options);
    copy.queue = this.queue.clone();
    copy.quiet = this.quiet.clone();
    // The notes describe this engine's owner's state, not the copy's: the copy's quiet timers are woken.
    copy.quiet.wakeAll(copy.queue);
    copy.clockUs = this.clockUs;
    copy.processed = this.processed;
    copy.processedBeforeInstant = this.processedBeforeInstant;
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
