import type { Micros } from '../engine/time.js';
import type { RecordDraft, TraceRecord } from './records.js';

/**
 * The append-only trace of a run. Stamps each record with the current
 * virtual time and the next sequence number, and tells subscribers (the
 * triggered-fault plan) about every record.
 */
export class Recorder {
  readonly records: TraceRecord[] = [];
  private readonly subscribers: ((record: TraceRecord) => void)[] = [];

  constructor(private readonly clock: () => Micros) {}

  emit(draft: RecordDraft): TraceRecord {
    const record = { t: this.clock(), seq: this.records.length, ...draft } as TraceRecord;
    this.records.push(record);
    for (const subscriber of this.subscribers) subscriber(record);
    return record;
  }

  subscribe(subscriber: (record: TraceRecord) => void): void {
    this.subscribers.push(subscriber);
  }
}
