import { compareProblems, policiesDiffering } from './layout/compare-check.js';
import { deltaRows, traceTotals } from './layout/deltas.js';
import { describeRecord } from './layout/describe.js';
import { firstDivergence } from './layout/divergence.js';
import type { IndexedTrace } from './layout/model.js';
import { formatInstant } from './layout/time-format.js';
import type { CompareView } from './render/compare-panel.js';

/** Everything compare mode says about a pair of traces. */
export interface Comparison {
  /** Why the pair may not be a fair comparison (shown as warnings). */
  problems: string[];
  view: CompareView;
  /** Where the runs part, drawn as a line across the plot. */
  divergenceUs: number | null;
}

export function compareTraces(a: IndexedTrace, b: IndexedTrace): Comparison {
  const policies = policiesDiffering(a.file, b.file);
  const divergence = firstDivergence(a.sorted, b.sorted);
  const side = (traceIndex: number, tag: string, record: IndexedTrace['sorted'][number] | undefined) =>
    record ? { ref: { traceIndex, seq: record.seq }, text: `${tag}: ${formatInstant(record.t)} ${describeRecord(record)}` } : undefined;
  return {
    problems: compareProblems(a.file, b.file),
    divergenceUs: divergence?.t ?? null,
    view: {
      policies: policies ? `policies differ for ${policies.differing} of ${policies.of} components` : null,
      rows: deltaRows(traceTotals(a.file, a.sorted, a.endUs), traceTotals(b.file, b.sorted, b.endUs)),
      divergence: divergence
        ? {
            text: `A and B run alike until ${formatInstant(divergence.t)}; from there:`,
            a: side(0, 'A', divergence.a) ?? undefined,
            b: side(1, 'B', divergence.b) ?? undefined,
          }
        : null,
    },
  };
}
