import { arrivalStream } from '../request-arrivals.js';
import { arrive, changePhase, endProcess, finishLedger, freshLedger, phaseOf, type PhaseChange, type RequestSource } from '../request-ledger.js';
import type { LifecycleState } from '../../trace/records.js';
import type { WriterCore } from './core.js';

/**
 * The writer's side of client requests (request-ledger.ts): each driver's
 * ledger follows its state changes, an end counts what it held, and what
 * was refused or delayed is written when the driver runs again.
 */

/**
 * How each driver's arrivals are counted: its load, and in arithmetic mode
 * its arrival tree, keyed by the seed and the driver's name alone, so the
 * same seed gives the same requests whatever the policy, and a fork sees the
 * arrivals its original would. Built once per writer.
 */
export function requestSources(w: WriterCore): readonly (RequestSource | undefined)[] {
  w.requestSourceCache ??= w.topo.specs.map((spec) => {
    const load = spec.requests;
    if (!load) return undefined;
    const meanGapUs = 1_000_000 / load.ratePerS;
    if (load.mode === 'per-request') return { load, meanGapUs };
    return { load, meanGapUs, arrivals: arrivalStream(w.streams.key(`requests:${spec.name}`), load.ratePerS) };
  });
  return w.requestSourceCache;
}

/** At the start of the run: a ledger per driver. */
export function openLedgers(w: WriterCore): void {
  requestSources(w).forEach((source, c) => {
    if (source) w.state.clientRequests[c] = freshLedger(w.nowUs);
  });
}

/** Per-request mode: one arrival now at driver `c`, whose source the caller has in hand. */
export function requestArrives(w: WriterCore, c: number, source: RequestSource): void {
  arrive(w.state.clientRequests[c]!, source, w.nowUs);
}

/** A driver's state changed: its ledger follows, and what the change lets out is written. */
export function requestsFollowState(w: WriterCore, c: number, to: LifecycleState): void {
  const source = requestSources(w)[c];
  if (source) writeRequests(w, c, changePhase(w.state.clientRequests[c]!, source, phaseOf(to), w.nowUs));
}

/** A driver's process ends: the requests it held that are lost (the rest, for block clients, wait to be re-issued). */
export function requestsLostAtEnd(w: WriterCore, c: number, graceful: boolean, systemReset: boolean): number {
  const source = requestSources(w)[c];
  return source ? endProcess(w.state.clientRequests[c]!, source, w.nowUs, graceful, systemReset) : 0;
}

/** At the end of the run: what is still refused or waiting is written, waits counted up to now. */
export function finishRequests(w: WriterCore): void {
  requestSources(w).forEach((source, c) => {
    if (source) writeRequests(w, c, finishLedger(w.state.clientRequests[c]!, source, w.nowUs));
  });
}

/** Refused and delayed requests, caused by the driver's last end. */
function writeRequests(w: WriterCore, c: number, change: PhaseChange | undefined): void {
  if (!change) return;
  const component = w.name(c);
  const cause = w.comp(c).lastEndSeq;
  if (change.refused > 0) w.emit({ type: 'requests-refused', component, count: change.refused, cause });
  if (change.delayed > 0) w.emit({ type: 'requests-delayed', component, count: change.delayed, delayUs: change.delayUs, cause });
}
