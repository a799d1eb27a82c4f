// The same definitions as `recsim compare`, so a pair of timelines and the table agree.
import { runMetrics, type RunMetrics, type SummaryCounts } from '../../../sim/compare/run-metrics.js';
import { servingSpecOf, type ServingSpec } from '../../../sim/trace/serving-time.js';
import { tallyRecords } from '../../../sim/trace/tally.js';
import { formatBytes } from '../../../sim/report/format-bytes.js';
import { formatCount, formatSpan } from './time-format.js';
import type { TraceFile, TraceRecord } from './trace-types.js';

/**
 * Compare's own run metrics (sim/compare/run-metrics.ts), with availability
 * (time serving: running, ready, past its warm-up) and up (time running), each
 * over run time, averaged over components (0..1).
 */
export type TraceTotals = { availability: number; up: number } & Pick<
  RunMetrics,
  'downtimeUs' | 'gracefulReboots' | 'ungracefulReboots' | 'restarts' | 'lostRequests' | 'lostDataBytes' | 'violations' | 'recoverMedianUs' | 'recoverP95Us'
>;

/** The counts compare takes from a summary; from the records when the trace has none. */
function summaryCounts(file: TraceFile, sorted: readonly TraceRecord[], endUs: number): SummaryCounts {
  if (file.summary) return file.summary;
  const counts = tallyRecords(sorted);
  return {
    endUs,
    outcome: 'completed',
    violations: sorted.filter((r) => r.type === 'violation').map((r) => ({ invariant: r.type === 'violation' ? r.invariant : '', message: '', kind: 'safety' as const })),
    reboots: { graceful: counts.graceful, ungraceful: counts.ungraceful },
    restarts: { total: counts.restarts, byComponent: {} },
    lostRequests: counts.lostRequests,
    lostDataBytes: counts.lostDataBytes,
  };
}

/** The components a run declared (with their warm-up and readiness probe); from its records when the file does not say. */
function componentsOf(file: TraceFile, sorted: readonly TraceRecord[]): (string | ServingSpec)[] {
  const declared = (file.scenario as { components?: { name?: unknown; warmupUs?: number; probes?: { readiness?: unknown } }[] } | null)?.components;
  if (Array.isArray(declared)) return declared.map((c) => servingSpecOf({ ...c, name: String(c?.name) }));
  const seen = new Set<string>();
  for (const r of sorted) if (r.type === 'state') seen.add(r.component);
  return [...seen];
}

/** A run's totals, as `recsim compare` measures each run. */
export function traceTotals(file: TraceFile, sorted: readonly TraceRecord[], endUs: number): TraceTotals {
  const components = componentsOf(file, sorted);
  const m = runMetrics(sorted, components, summaryCounts(file, sorted, endUs));
  const span = Math.max(1, endUs) * Math.max(1, components.length);
  return {
    availability: m.servingUs.reduce((a, b) => a + b, 0) / span,
    up: m.runningUs.reduce((a, b) => a + b, 0) / span,
    downtimeUs: m.downtimeUs,
    gracefulReboots: m.gracefulReboots,
    ungracefulReboots: m.ungracefulReboots,
    restarts: m.restarts,
    lostRequests: m.lostRequests,
    lostDataBytes: m.lostDataBytes,
    violations: m.violations,
    recoverMedianUs: m.recoverMedianUs,
    recoverP95Us: m.recoverP95Us,
  };
}

export interface DeltaRow {
  key: keyof TraceTotals;
  label: string;
  a: string;
  b: string;
  /** B − A, signed, in the row's unit; "" when either side is missing. */
  delta: string;
  /** Which run did better on this row; null on a tie or when it cannot be said. */
  better: 'A' | 'B' | null;
}

const ROWS: readonly { key: keyof TraceTotals; label: string; higherIsBetter: boolean; show: (v: number) => string; showDelta: (d: number) => string }[] = [
  { key: 'availability', label: 'availability', higherIsBetter: true, show: (v) => `${(v * 100).toFixed(3)}%`, showDelta: (d) => `${(d * 100).toFixed(3)} pp` },
  { key: 'up', label: 'up (running)', higherIsBetter: true, show: (v) => `${(v * 100).toFixed(3)}%`, showDelta: (d) => `${(d * 100).toFixed(3)} pp` },
  { key: 'downtimeUs', label: 'system downtime', higherIsBetter: false, show: formatSpan, showDelta: formatSpan },
  { key: 'gracefulReboots', label: 'graceful reboots', higherIsBetter: false, show: formatCount, showDelta: formatCount },
  { key: 'ungracefulReboots', label: 'ungraceful reboots', higherIsBetter: false, show: formatCount, showDelta: formatCount },
  { key: 'restarts', label: 'restarts', higherIsBetter: false, show: formatCount, showDelta: formatCount },
  { key: 'recoverMedianUs', label: 'time to recover, median', higherIsBetter: false, show: formatSpan, showDelta: formatSpan },
  { key: 'recoverP95Us', label: 'time to recover, p95', higherIsBetter: false, show: formatSpan, showDelta: formatSpan },
  { key: 'lostRequests', label: 'lost requests', higherIsBetter: false, show: formatCount, showDelta: formatCount },
  { key: 'lostDataBytes', label: 'lost data', higherIsBetter: false, show: formatBytes, showDelta: (d) => formatBytes(Math.abs(d)) },
  { key: 'violations', label: 'invariant violations', higherIsBetter: false, show: formatCount, showDelta: formatCount },
];

/** A and B side by side with B − A and which did better, one row per total. */
export function deltaRows(a: TraceTotals, b: TraceTotals): DeltaRow[] {
  return ROWS.map((row) => {
    const va = a[row.key];
    const vb = b[row.key];
    if (va === undefined || vb === undefined) {
      return { key: row.key, label: row.label, a: va === undefined ? '–' : row.show(va), b: vb === undefined ? '–' : row.show(vb), delta: '', better: null };
    }
    const d = vb - va;
    const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
    const magnitude = row.showDelta(Math.abs(d));
    const better = d === 0 ? null : (d > 0) === row.higherIsBetter ? 'B' : 'A';
    return { key: row.key, label: row.label, a: row.show(va), b: row.show(vb), delta: `${sign}${magnitude}`, better };
  });
}
