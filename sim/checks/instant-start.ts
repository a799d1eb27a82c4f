import type { TraceRecord } from '../trace/records.js';

/**
 * Where the current virtual instant began: the `seq` of the first record
 * written at the latest `t` seen. What no-restart-livelock tells a loop at
 * one instant by (records since time last moved). Kept by the invariant
 * monitor for every observer, one comparison per record, so the observer
 * that needs it watches only the records it judges instead of being called
 * for each of the run's records to note their instant.
 */
export class InstantStart {
  private t = -1;
  /** The `seq` of the first record at the latest instant (0 before any). */
  firstSeq = 0;

  note(r: Pick<TraceRecord, 't' | 'seq'>): void {
    if (r.t !== this.t) {
      this.t = r.t;
      this.firstSeq = r.seq;
    }
  }
}
