import { describe, expect, it } from 'vitest';
import { traceProblems } from '../../viz/src/layout/consistency.js';
import { violationStories } from '../../viz/src/layout/stories.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';
import { loadFixture } from '../helpers/fixtures.js';

const generated = loadFixture('generated-netstack-reboot.json');

describe('traceProblems', () => {
  it('finds nothing wrong with a trace the simulator wrote', () => {
    expect(traceProblems(generated)).toEqual([]);
  });

  it('says what is missing from a minimal trace', () => {
    expect(traceProblems({ format: 'recsim-trace', version: 1, records: [] } as unknown as TraceFile)).toEqual(['the trace holds no records and no summary: there is nothing to show']);
  });

  it('says where the summary and the records disagree', () => {
    const edited = structuredClone(generated);
    edited.summary.restarts.total = 7;
    edited.summary.lostDataBytes = 29_100_000;
    expect(traceProblems(edited)).toEqual([
      'summary and records disagree on restarts: the summary says 7, the records add up to 0',
      'summary and records disagree on lost data: the summary says 29.1 MB, the records add up to 0 B',
    ]);
  });

  it('says a truncated trace is truncated instead of counting what is missing', () => {
    const cut = structuredClone(generated);
    cut.summary.recordsKept = 10;
    cut.records = cut.records.slice(0, 10);
    expect(traceProblems(cut)).toEqual([`the run wrote ${generated.records.length} records and this file holds the first 10: counts after that are missing from the timeline`]);
  });
});

describe('violations of a trace without violation records', () => {
  // As recsim wrote traces before violations became records: only the summary lists them.
  const old = structuredClone(generated);
  const blamed = old.records.find((r) => r.type === 'reboot-requested')!;
  old.summary.violations = [{ invariant: 'one-reboot-in-flight', message: 'made up for the test', record: blamed.seq, kind: 'safety' }];

  it('are listed from the summary at the record they blame', () => {
    const stories = violationStories(buildTimeline([{ name: 'old', file: old }]).traces, []);
    expect(stories.map(({ ref, text, fromSummary }) => ({ ref, text, fromSummary }))).toEqual([{ ref: { traceIndex: 0, seq: blamed.seq }, text: '30s one-reboot-in-flight (safety, from the summary): made up for the test', fromSummary: true }]);
  });

  it('and the disagreement is said', () => {
    expect(traceProblems(old)).toEqual([
      'the summary lists 1 invariant violation but the trace has no violation records (a recsim that did not record them wrote it): they are listed from the summary, at the record each blames',
    ]);
  });
});
