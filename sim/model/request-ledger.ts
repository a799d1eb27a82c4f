import type { Stream } from '../engine/rng.js';
import type { Micros } from '../engine/time.js';
import type { LifecycleState } from '../trace/records.js';
import type { RequestLoad } from '../scenario/types.js';
import { arrivalsAndWaits, arrivalsBetween, type ArrivalStream } from './request-arrivals.js';

/**
 * What becomes of the requests a driver is sent. Requests arrive as a Poisson stream whatever the driver does:
 * - while it runs they are served; those in flight when it ends uncleanly are
 *   lost (character-like clients, or any client at a system reset);
 * - while it hangs they are stuck, and lost with it;
 * - while it is down (stopped, starting, stopping, failed) a character-like
 *   client's request fails at once: refused; a block-like client waits and
 *   re-issues it once the driver runs again: delayed, with the wait;
 * - a block client's requests in flight or stuck at an unclean end are
 *   re-issued too: delayed from that end until the driver runs again.
 * A graceful end drains what is in flight.
 *
 * Two ways to count the same thing. `arithmetic` (the default) reads the
 * counts of whole intervals off the arrival tree (request-arrivals.ts) at the
 * driver's state changes: a run costs O(state changes). `per-request` draws
 * every arrival as an event, as recsim always did: the validation mode
 * (test/model/requests-modes.test.ts compares the two over 1,000 seeds).
 */

/** What the driver does with a request arriving now. */
export type Phase = 'serving' | 'hung' | 'down';

export function phaseOf(state: LifecycleState): Phase {
  return state === 'running' ? 'serving' : state === 'hung' ? 'hung' : 'down';
}

/** One driver's requests: plain data in the SystemState (forks copy it). */
export interface RequestLedger {
  phase: Phase;
  /** When the current phase began. */
  sinceUs: Micros;
  /** Hung: requests stuck in the process (in flight at the hang, and arrived since; per-request mode counts them as they come). */
  stuck: number;
  /** Character-like clients: requests refused while down, not yet written. */
  refused: number;
  /** Block-like clients: requests waiting for the driver to run again. */
  waiting: number;
  /** The sum of their waits up to `waitedAsOfUs`. */
  waitedUs: number;
  waitedAsOfUs: Micros;
  /** Per-request mode: completion instants of the requests being served, oldest first. */
  inflight: Micros[];
}

export function freshLedger(nowUs: Micros): RequestLedger {
  return { phase: 'down', sinceUs: nowUs, stuck: 0, refused: 0, waiting: 0, waitedUs: 0, waitedAsOfUs: nowUs, inflight: [] };
}

/** How one driver's arrivals are counted: from the arrival tree (arithmetic), or one event each (per-request, `arrivals` undefined). */
export interface RequestSource {
  load: RequestLoad;
  arrivals?: ArrivalStream;
  /** Per-request mode: the stream the gaps between arrivals are drawn from (resolved on the first draw), and their mean. */
  stream?: Stream;
  /** Per-request mode: the timer event of its next arrival (one object per driver, queued again and again). */
  arrival?: { readonly k: 'request'; readonly c: number };
  meanGapUs: number;
}

/** The waits of the requests waiting, counted up to `nowUs`. */
function waitUntil(ledger: RequestLedger, nowUs: Micros): void {
  ledger.waitedUs += ledger.waiting * (nowUs - ledger.waitedAsOfUs);
  ledger.waitedAsOfUs = nowUs;
}

/** Adds `count` requests that have waited `waitedUs` in all by `nowUs`, to be re-issued when the driver runs again. */
function wait(ledger: RequestLedger, count: number, waitedUs: number, nowUs: Micros): void {
  waitUntil(ledger, nowUs);
  ledger.waiting += count;
  ledger.waitedUs += waitedUs;
}

/** Arithmetic mode: what arrived since the phase began, counted into it (nothing to count while serving: served requests are not tallied). */
function catchUp(ledger: RequestLedger, source: RequestSource, nowUs: Micros): void {
  const arrivals = source.arrivals;
  if (!arrivals || nowUs <= ledger.sinceUs || ledger.phase === 'serving') return;
  if (ledger.phase === 'hung') ledger.stuck += arrivalsBetween(arrivals, ledger.sinceUs, nowUs);
  else if (ledger.phase === 'down') {
    if (source.load.clients === 'char') ledger.refused += arrivalsBetween(arrivals, ledger.sinceUs, nowUs);
    else {
      const { count, waitUs } = arrivalsAndWaits(arrivals, ledger.sinceUs, nowUs, nowUs);
      wait(ledger, count, waitUs, nowUs);
    }
  }
  ledger.sinceUs = nowUs;
}

/** Requests being served at `nowUs` (arrived within the last service time, since the driver began serving). */
function inflightAt(ledger: RequestLedger, source: RequestSource, servingSinceUs: Micros, nowUs: Micros): number {
  if (source.arrivals) return arrivalsBetween(source.arrivals, Math.max(servingSinceUs, nowUs - source.load.serviceTimeUs), nowUs);
  const queue = ledger.inflight;
  // Oldest first: the served ones leave from the front (shift, not splice: no array of them is made per arrival).
  while (queue.length > 0 && queue[0]! <= nowUs) queue.shift();
  return queue.length;
}

/** Per-request mode: one arrival now. */
export function arrive(ledger: RequestLedger, source: RequestSource, nowUs: Micros): void {
  if (ledger.phase === 'serving') {
    inflightAt(ledger, source, ledger.sinceUs, nowUs);
    ledger.inflight.push(nowUs + source.load.serviceTimeUs);
  } else if (ledger.phase === 'hung') ledger.stuck++;
  else if (source.load.clients === 'char') ledger.refused++;
  else wait(ledger, 1, 0, nowUs);
}

/** What a driver's end does to the requests it held: how many are lost (the rest, for block clients, wait to be re-issued). */
export function endProcess(ledger: RequestLedger, source: RequestSource, nowUs: Micros, graceful: boolean, systemReset: boolean): number {
  catchUp(ledger, source, nowUs);
  const held = ledger.phase === 'serving' ? inflightAt(ledger, source, ledger.sinceUs, nowUs) : ledger.phase === 'hung' ? ledger.stuck : 0;
  ledger.stuck = 0;
  ledger.inflight = [];
  if (graceful || held === 0) return 0;
  if (source.load.clients === 'char' || systemReset) return held;
  wait(ledger, held, 0, nowUs);
  return 0;
}

/** What a state change lets out: refused requests to write, and delayed ones re-issued now that the driver runs. */
export interface PhaseChange {
  refused: number;
  delayed: number;
  delayUs: number;
}

/**
 * The driver's state changed: the phase that ends is counted up, and when
 * it starts serving again what was refused is written and what waited is
 * re-issued.
 */
export function changePhase(ledger: RequestLedger, source: RequestSource, to: Phase, nowUs: Micros): PhaseChange | undefined {
  if (to === ledger.phase) return undefined;
  catchUp(ledger, source, nowUs);
  if (ledger.phase === 'serving' && to === 'hung') ledger.stuck = inflightAt(ledger, source, ledger.sinceUs, nowUs);
  // Leaving service for a graceful stop: what is in flight drains.
  if (ledger.phase === 'serving') ledger.inflight = [];
  ledger.phase = to;
  ledger.sinceUs = nowUs;
  return to === 'serving' ? settle(ledger, nowUs) : undefined;
}

/** Writes out what is pending (when the driver serves again, or at the end of the run: then waits count up to the end). */
export function settle(ledger: RequestLedger, nowUs: Micros): PhaseChange | undefined {
  if (ledger.refused === 0 && ledger.waiting === 0) return undefined;
  waitUntil(ledger, nowUs);
  const change = { refused: ledger.refused, delayed: ledger.waiting, delayUs: ledger.waitedUs };
  ledger.refused = 0;
  ledger.waiting = 0;
  ledger.waitedUs = 0;
  return change;
}

/** At the end of the run: the phase under way is counted up to now, and what is pending is written. */
export function finishLedger(ledger: RequestLedger, source: RequestSource, nowUs: Micros): PhaseChange | undefined {
  catchUp(ledger, source, nowUs);
  return settle(ledger, nowUs);
}
