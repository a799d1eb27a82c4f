// The same definitions as `recsim compare`, so a pair of timelines and the table agree.
import { runMetrics, type RunMetrics, type SummaryCounts } from '../../../sim/compare/run-metrics.js';
import { servingSpecOf, type ServingSpec } from '../../../sim/trace/serving-time.js';
import { tallyRecords } from '../../../sim/trace/tally.js';
import { formatBytes } from '../../../sim/format/format-bytes.js';
import { formatCount, formatSpan } from './time-format.js';
import type { TraceFile, TraceRecord } from './trace-types.js';

export interface TraceTotals {
  /** Time serving (running, ready, past its warm-up) / run time, averaged over components (0..1). */
  availability: number;
  /** Time running / run time, averaged over components (0..1). */
  up: number;
  downtimeUs: number;
  gracefulReboots: number;
  ungracefulReboots: number;
  restarts: number;
  lostRequests: number;
  lostDataBytes: number;
  violations: number;
  recoverMedianUs?: number;
  recoverP95Us?: number;
  /** Failures that were followed by a recovery (or the end): how many times to recover the median is of. */
  recoveries: number;
  /** Losses of data (records): how many the lost bytes came in. */
  lostDataEvents: number;
  /**
   * Figures of a run's metrics this table does not know by name (added to
   * `recsim compare` after the viewer was written): shown as they come, so a
   * new metric appears here without a change to the viewer.
   */
  extra: Record<string, { value: number; share: boolean }>;
}

/** RunMetrics fields the rows below show, or that only feed them. */
const KNOWN_METRICS = new Set(['runningUs', 'servingUs', 'downtimeUs', 'gracefulReboots', 'ungracefulReboots', 'restarts', 'lostRequests', 'lostDataBytes', 'violations', 'recoveries', 'recoverMedianUs', 'recoverP95Us', 'budgetExhausted']);

/** A metric's figure for the table: a number as is; a per-component list of times as a share of the run (like availability). */
function extraFigures(metrics: object, spanUs: number): TraceTotals['extra'] {
  const extra: TraceTotals['extra'] = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (KNOWN_METRICS.has(key)) continue;
    if (typeof value === 'number') extra[key] = { value, share: false };
    else if (Array.isArray(value) && value.every((v) => typeof v === 'number') && key.endsWith('Us')) extra[key] = { value: (value as number[]).reduce((a, b) => a + b, 0) / spanUs, share: true };
  }
  return extra;
}

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
    recoveries: m.recoveries,
    lostDataEvents: sorted.reduce((n, r) => (r.type === 'data-lost' ? n + 1 : n), 0),
    extra: extraFigures(m, span),
  };
}

/** The totals that have a row of their own. */
type RowKey = Exclude<keyof TraceTotals, 'recoveries' | 'lostDataEvents' | 'extra'>;

export interface DeltaRow {
  key: string;
  label: string;
  a: string;
  b: string;
  /** B − A, signed, in the row's unit; "" when either side is missing. */
  delta: string;
  /** Which run did better on this row; null on a tie or when it cannot be said. */
  better: 'A' | 'B' | null;
}

interface Row {
  key: string;
  label: string;
  /** null: the viewer cannot say which way is better. */
  higherIsBetter: boolean | null;
  show: (v: number) => string;
  showDelta: (d: number) => string;
}

const ROWS: readonly (Row & { key: RowKey })[] = [
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

/** "upUs" -> "up", "refusedRequests" -> "refused requests": a label for a metric known only by its key. */
export function labelOfKey(key: string): string {
  return key.replace(/(Us|Bytes)$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** How a metric known only by its key is shown: a per-component time as a share of the run, a time, a size, a count. */
function extraRow(key: string, share: boolean): Row {
  const label = labelOfKey(key);
  // Which way is better is not known for a metric the viewer does not know: no "better" is claimed.
  if (share) return { key, label, higherIsBetter: null, show: (v) => `${(v * 100).toFixed(3)}%`, showDelta: (d) => `${(d * 100).toFixed(3)} pp` };
  if (key.endsWith('Us')) return { key, label, higherIsBetter: null, show: formatSpan, showDelta: formatSpan };
  if (key.endsWith('Bytes')) return { key, label, higherIsBetter: null, show: formatBytes, showDelta: formatBytes };
  return { key, label, higherIsBetter: null, show: formatCount, showDelta: formatCount };
}

/** A and B side by side with B − A and which did better, one row per total (then any metric the viewer does not know by name). */
export function deltaRows(a: TraceTotals, b: TraceTotals): DeltaRow[] {
  const extraKeys = [...new Set([...Object.keys(a.extra), ...Object.keys(b.extra)])];
  const known = ROWS.map((row) => ({ row, va: a[row.key], vb: b[row.key] }));
  const extra = extraKeys.map((key) => ({ row: extraRow(key, (a.extra[key] ?? b.extra[key])!.share), va: a.extra[key]?.value, vb: b.extra[key]?.value }));
  return [...known, ...extra].map(({ row, va, vb }) => {
    if (va === undefined || vb === undefined) {
      return { key: row.key, label: row.label, a: va === undefined ? '–' : row.show(va), b: vb === undefined ? '–' : row.show(vb), delta: '', better: null };
    }
    const d = vb - va;
    const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
    const magnitude = row.showDelta(Math.abs(d));
    const better = d === 0 || row.higherIsBetter === null ? null : (d > 0) === row.higherIsBetter ? 'B' : 'A';
    return { key: row.key, label: row.label, a: row.show(va), b: row.show(vb), delta: `${sign}${magnitude}`, better };
  });
}
