import type { Micros } from '../engine/time.js';
import type { RecordDraft, TraceRecord } from './records.js';

/** Sees every record as it is written, in order (invariants, triggers, a trace file, metrics). */
export type RecordSink = (record: TraceRecord) => void;

/**
 * Stamps each record with the current virtual time and the next sequence
 * number, and hands it to its sinks. It keeps nothing itself: what is kept
 * in memory is up to the sinks (see `RecordBuffer`), so a run that writes no
 * trace uses memory in proportion to the system, not to its length.
 */
export class Recorder {
  private readonly sinks: RecordSink[] = [];

  constructor(private readonly clock: () => Micros, private next = 0) {}

  /** The `seq` the next record will get. */
  get nextSeq(): number {
    return this.next;
  }

  emit(draft: RecordDraft): TraceRecord {
    return this.write({ t: this.clock(), seq: this.next++, ...draft } as TraceRecord);
  }

  /**
   * `emit({ ...draft, cause })` in one copy instead of two: the record's keys
   * come in the same order (`cause` where the draft has it, else last).
   */
  emitCaused(draft: RecordDraft, cause: number | undefined): TraceRecord {
    return this.write({ t: this.clock(), seq: this.next++, ...draft, cause } as TraceRecord);
  }

  /**
   * Takes the next `seq` for a record the caller builds whole, `t` and `seq`
   * first as `emit` would put them, and hands to `write` at once: a record
   * literal of one shape at its call site instead of a copy of a draft (the
   * model's most frequent records, see WriterCore.setLife).
   */
  takeSeq(): number {
    return this.next++;
  }

  /** Hands a record built with `takeSeq` (and the current time) to the sinks. */
  write(record: TraceRecord): TraceRecord {
    const sinks = this.sinks;
    for (let i = 0; i < sinks.length; i++) sinks[i]!(record);
    return record;
  }

  subscribe(sink: RecordSink): void {
    this.sinks.push(sink);
  }
}

/**
 * Keeps records in memory up to a bound; past it, the records are dropped
 * and `truncated` says how many, so a long run can never exhaust memory.
 */
export class RecordBuffer {
  readonly records: TraceRecord[] = [];
  dropped = 0;

  constructor(readonly maxRecords: number) {}

  readonly sink: RecordSink = (record) => {
    if (this.records.length < this.maxRecords) this.records.push(record);
    else this.dropped++;
  };
}
