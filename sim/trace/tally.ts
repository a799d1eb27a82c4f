import type { TraceRecord } from './records.js';

/**
 * What a run's records add up to: reboots (graceful: a `shutdown-started`;
 * ungraceful: a `panic`), restarts, lost requests and data, violations. The
 * one definition the run summary (sim/checks/summary.ts) and the viewer
 * (its consistency check and compare deltas) share.
 */
export interface RecordTally {
  graceful: number;
  ungraceful: number;
  restarts: number;
  restartsByComponent: Record<string, number>;
  /** Lost in flight at an unclean end (character-like clients). */
  lostRequests: number;
  /** Refused at once: arrived while the server was down (character-like clients). */
  refusedRequests: number;
  /** Waited for the server and were re-issued (block clients), and their total wait. */
  delayedRequests: number;
  requestDelayUs: number;
  lostDataBytes: number;
  violations: number;
}

export function emptyTally(): RecordTally {
  return { graceful: 0, ungraceful: 0, restarts: 0, restartsByComponent: {}, lostRequests: 0, refusedRequests: 0, delayedRequests: 0, requestDelayUs: 0, lostDataBytes: 0, violations: 0 };
}

/** Adds one record to the tally. */
export function tallyRecord(tally: RecordTally, r: TraceRecord): void {
  switch (r.type) {
    case 'shutdown-started':
      tally.graceful++;
      break;
    case 'panic':
      tally.ungraceful++;
      break;
    case 'restart':
      tally.restarts++;
      tally.restartsByComponent[r.component] = (tally.restartsByComponent[r.component] ?? 0) + 1;
      break;
    case 'requests-lost':
      tally.lostRequests += r.count;
      break;
    case 'requests-refused':
      tally.refusedRequests += r.count;
      break;
    case 'requests-delayed':
      tally.delayedRequests += r.count;
      tally.requestDelayUs += r.delayUs;
      break;
    case 'data-lost':
      tally.lostDataBytes += r.bytes;
      break;
    case 'violation':
      tally.violations++;
      break;
    default:
      break;
  }
}

/** What the records add up to. */
export function tallyRecords(records: readonly TraceRecord[]): RecordTally {
  const tally = emptyTally();
  for (const r of records) tallyRecord(tally, r);
  return tally;
}
