import type { BarState, IndexedTrace, Lane } from './model.js';
import { lowerBound } from './sorted.js';
import type { RecordType, TraceRecord } from './trace-types.js';

/** A time range and the lanes picked with it. */
export interface RangeSelection {
  startUs: number;
  endUs: number;
  /** Indexes into TimelineModel.lanes. */
  lanes: readonly number[];
}

/** What happened inside a range, for one trace. */
export interface RangeSummary {
  traceIndex: number;
  startUs: number;
  endUs: number;
  /** Component lanes counted (the system lane is counted apart). */
  components: number;
  /** Lane-time per lifecycle state over the picked component lanes, largest first. */
  stateUs: [BarState, number][];
  /** Records per type on the picked lanes, most frequent first. */
  counts: [RecordType, number][];
  /** Time the system was not up inside the range (when its lane was picked). */
  systemDownUs: number | null;
  /** Lane-time not running, summed over the picked components. */
  componentDownUs: number;
  /** The picked component down longest inside the range. */
  worst: { component: string; downUs: number } | null;
  /** The records on the picked lanes inside the range, in time order: the first RANGE_RECORDS_MAX of them. */
  records: TraceRecord[];
  /** How many there are in all. */
  recordsTotal: number;
}

/** Records a range lists at most (the counts cover them all). */
export const RANGE_RECORDS_MAX = 5_000;

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Time per state of one lane's bars inside [startUs, endUs). */
function timePerState(lane: Lane, startUs: number, endUs: number, into: Map<BarState, number>): void {
  for (let i = lowerBound(lane.bars, startUs, (b) => b.endUs); i < lane.bars.length; i++) {
    const bar = lane.bars[i]!;
    if (bar.startUs >= endUs) break;
    const us = overlap(bar.startUs, bar.endUs, startUs, endUs);
    if (us > 0) into.set(bar.state, (into.get(bar.state) ?? 0) + us);
  }
}

/**
 * Time per state, counts per record type and downtime inside a range, over
 * the picked lanes, one summary per trace (A and B are never added up).
 * Cost: the bars and records inside the range.
 */
export function summarizeRange(traces: readonly IndexedTrace[], lanes: readonly Lane[], range: RangeSelection): RangeSummary[] {
  const startUs = Math.min(range.startUs, range.endUs);
  const endUs = Math.max(range.startUs, range.endUs);
  const picked = new Set(range.lanes);
  return traces.map((trace, traceIndex) => {
    const states = new Map<BarState, number>();
    let components = 0;
    let systemDownUs: number | null = null;
    let componentDownUs = 0;
    let worst: RangeSummary['worst'] = null;
    for (const laneIndex of range.lanes) {
      const lane = lanes[laneIndex];
      if (!lane || lane.traceIndex !== traceIndex) continue;
      if (lane.kind === 'system') {
        const power = new Map<BarState, number>();
        timePerState(lane, startUs, endUs, power);
        const covered = [...power.values()].reduce((a, b) => a + b, 0);
        systemDownUs = covered - (power.get('up') ?? 0);
        continue;
      }
      components++;
      const own = new Map<BarState, number>();
      timePerState(lane, startUs, endUs, own);
      let down = 0;
      for (const [state, us] of own) {
        states.set(state, (states.get(state) ?? 0) + us);
        if (state !== 'running') down += us;
      }
      componentDownUs += down;
      if (down > 0 && (!worst || down > worst.downUs)) worst = { component: lane.component ?? '', downUs: down };
    }
    const counts = new Map<RecordType, number>();
    const records = trace.sorted;
    const listed: TraceRecord[] = [];
    let recordsTotal = 0;
    for (let i = lowerBound(records, startUs, (r) => r.t); i < records.length; i++) {
      const r = records[i]!;
      if (r.t > endUs) break;
      const lane = trace.laneOfSeq.get(r.seq);
      if (lane === undefined || !picked.has(lane)) continue;
      counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
      recordsTotal++;
      if (listed.length < RANGE_RECORDS_MAX) listed.push(r);
    }
    const byCount = <K>(m: Map<K, number>): [K, number][] => [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    return { traceIndex, startUs, endUs, components, stateUs: byCount(states), counts: byCount(counts), systemDownUs, componentDownUs, worst, records: listed, recordsTotal };
  });
}
