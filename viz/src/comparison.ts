import { verdict, singleRunMeasures, type Show, type Verdict } from '../../sim/compare/verdict.js';
import { formatBytes } from '../../sim/format/format-bytes.js';
import { compareProblems, policiesDiffering } from './layout/compare-check.js';
import { deltaRows, traceTotals, type TraceTotals } from './layout/deltas.js';
import { describeRecord } from './layout/describe.js';
import { firstDivergence } from './layout/divergence.js';
import type { IndexedTrace } from './layout/model.js';
import { policyName } from './layout/policy-name.js';
import { formatCount, formatInstant, formatSpan } from './layout/time-format.js';
import type { CompareView } from './render/compare-panel.js';

/** Everything compare mode says about a pair of traces. */
export interface Comparison {
  /** Why the pair may not be a fair comparison (shown as warnings). */
  problems: string[];
  view: CompareView;
  /** Where the runs part, drawn as a line across the plot. */
  divergenceUs: number | null;
}

/** How the verdict prints each objective. */
const SHOW: Show = {
  availability: (v) => `${(v * 100).toFixed(3)}%`,
  reboots: formatCount,
  lostData: formatBytes,
  recover: formatSpan,
};

/** One run's verdict of the pair, with the noise of one run (sim/compare/verdict.ts). */
export function runVerdict(names: readonly [string, string], a: TraceTotals, b: TraceTotals): Verdict {
  const side = (name: string, t: TraceTotals) => ({
    name,
    measures: singleRunMeasures({
      availability: t.availability,
      outages: t.recoveries + t.gracefulReboots + t.ungracefulReboots,
      reboots: t.gracefulReboots + t.ungracefulReboots,
      lostDataBytes: t.lostDataBytes,
      lostDataEvents: t.lostDataEvents,
      recoverMedianUs: t.recoverMedianUs,
      recoveries: t.recoveries,
    }),
  });
  return verdict(side(names[0], a), side(names[1], b), SHOW);
}

/** "policies differ for 5 of 8 components"; null when the files do not say, or share no component. */
function policyNote(a: IndexedTrace, b: IndexedTrace): string | null {
  const policies = policiesDiffering(a.file, b.file);
  if (!policies || policies.of === 0) return null;
  if (policies.differing === 0) return `A and B run the same policies on all ${policies.of} components`;
  return policies.differing === policies.of ? null : `policies differ for ${policies.differing} of ${policies.of} components`;
}

export function compareTraces(a: IndexedTrace, b: IndexedTrace): Comparison {
  const divergence = firstDivergence(a.sorted, b.sorted);
  const side = (traceIndex: number, tag: string, record: IndexedTrace['sorted'][number] | undefined) =>
    record ? { ref: { traceIndex, seq: record.seq }, text: `${tag}: ${formatInstant(record.t)} ${describeRecord(record)}` } : undefined;
  const names: [string, string] = [policyName(a.file), policyName(b.file)];
  const [totalsA, totalsB] = [traceTotals(a.file, a.sorted, a.endUs), traceTotals(b.file, b.sorted, b.endUs)];
  const problems = compareProblems(a.file, b.file);
  const judged = runVerdict(names, totalsA, totalsB);
  return {
    problems,
    divergenceUs: divergence?.t ?? null,
    view: {
      names,
      verdict: problems.length > 0 ? `${judged.text} (but see the warnings: not a like-for-like pair)` : judged.text,
      winner: judged.winner,
      policies: policyNote(a, b),
      rows: deltaRows(totalsA, totalsB),
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
