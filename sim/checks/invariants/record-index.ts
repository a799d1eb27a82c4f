import type { TraceRecord } from '../../trace/records.js';

/**
 * Looks a record up by its `seq`. Traces from the recorder have
 * `records[seq].seq === seq`; hand-made ones may not, and get a map.
 */
export function recordIndex(records: readonly TraceRecord[]): (seq: number | undefined) => TraceRecord | undefined {
  const direct = records.every((r, i) => r.seq === i);
  if (direct) return (seq) => (seq === undefined ? undefined : records[seq]);
  const bySeq = new Map(records.map((r) => [r.seq, r]));
  return (seq) => (seq === undefined ? undefined : bySeq.get(seq));
}
