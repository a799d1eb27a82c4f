import { formatBytes } from '../../../sim/format/format-bytes.js';
import { tallyRecords } from '../../../sim/trace/tally.js';
import { formatCount, formatInstant } from './time-format.js';
import type { TraceFile, TraceRecord } from './trace-types.js';

/** What the records themselves add up to, to hold against the summary. */
function countRecords(records: readonly TraceRecord[]) {
  let lastUs = 0;
  for (const r of records) if (r.t > lastUs) lastUs = r.t;
  return { ...tallyRecords(records), lastUs };
}

/**
 * Where a trace's summary and its records disagree, in words; empty when
 * they agree. A trace is read, never trusted: a hand-edited file, a
 * truncated one or one written by an older recsim should say so rather than
 * show two different stories. (The simulator counts graceful reboots by
 * `shutdown-started` and ungraceful ones by `panic`, as here.)
 */
export function traceProblems(file: TraceFile): string[] {
  const problems: string[] = [];
  const s = file.summary as TraceFile['summary'] | undefined;
  if (!s) {
    if (file.records.length === 0) problems.push('the trace holds no records and no summary: there is nothing to show');
    else problems.push('the trace has no summary: everything shown comes from its records alone');
    return problems;
  }
  if (file.records.length === 0) problems.push('the trace holds no records: only its summary can be shown');
  if (typeof file.seed === 'number' && typeof s.seed === 'number' && file.seed !== s.seed) problems.push(`the file says seed ${file.seed}, its summary seed ${s.seed}`);
  const c = countRecords(file.records);
  if (typeof s.endUs === 'number' && c.lastUs > s.endUs) problems.push(`records go on to ${formatInstant(c.lastUs)}, past the run's end at ${formatInstant(s.endUs)} in the summary`);
  if (s.recordsKept !== undefined) {
    problems.push(`the run wrote ${formatCount(s.records)} records and this file holds the first ${formatCount(file.records.length)}: counts after that are missing from the timeline`);
    return problems;
  }
  const mismatch = (what: string, summary: number, records: number, show: (n: number) => string = formatCount): void => {
    if (typeof summary === 'number' && summary !== records) problems.push(`summary and records disagree on ${what}: the summary says ${show(summary)}, the records add up to ${show(records)}`);
  };
  mismatch('the number of records', s.records, file.records.length);
  mismatch('graceful reboots', s.reboots?.graceful, c.graceful);
  mismatch('ungraceful reboots', s.reboots?.ungraceful, c.ungraceful);
  mismatch('restarts', s.restarts?.total, c.restarts);
  mismatch('lost requests', s.lostRequests, c.lostRequests);
  mismatch('lost data', s.lostDataBytes, c.lostDataBytes, formatBytes);
  // The summary lists violations up to a limit and counts the rest.
  const listed = (Array.isArray(s.violations) ? s.violations.length : 0) + (s.violationsNotListed ?? 0);
  if (listed > 0 && c.violations === 0) {
    problems.push(`the summary lists ${listed} invariant violation${listed === 1 ? '' : 's'} but the trace has no violation records (a recsim that did not record them wrote it): they are listed from the summary, at the record each blames`);
  } else {
    mismatch('invariant violations', listed, c.violations);
  }
  return problems;
}
