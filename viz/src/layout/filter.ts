import { COUNTER_KEYS } from './counters.js';
import { SYSTEM_GROUP } from './timeline-model.js';

/** The header of the counter tracks. */
export const COUNTERS_GROUP = 'counters (totals so far)';
import type { Lane, Mark, MarkMember, Row, TimelineModel } from './model.js';
import type { RecordType } from './trace-types.js';

/** What the user narrowed the view to. */
export interface ViewFilter {
  /** Case-insensitive substring of a component name or its group; empty shows all. */
  query: string;
  /** Record types whose marks are hidden. */
  hiddenTypes: ReadonlySet<RecordType>;
  /** Whether the counter tracks (components up, restarts, losses) show above the lanes. */
  counters: boolean;
  /** Lane groups folded to their header (a realm of many lanes the reader is not looking at). */
  folded?: ReadonlySet<string>;
}

export const NO_FILTER: ViewFilter = { query: '', hiddenTypes: new Set(), counters: true };

/** The counter rows: each counter with every trace's series, on one scale. */
function counterRows(model: TimelineModel): Row[] {
  return COUNTER_KEYS.map((counter) => {
    const tracks = model.traces.map((trace, traceIndex) => ({ traceIndex, series: trace.counters[counter], endUs: trace.endUs }));
    return { kind: 'counter' as const, counter, tracks, max: Math.max(0, ...tracks.map((t) => t.series.max)) };
  });
}

/** Whether a lane passes the query. System lanes always show: they tell the power story. */
export function laneMatches(lane: Lane, query: string): boolean {
  if (lane.kind === 'system') return true;
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return (lane.component ?? '').toLowerCase().includes(q) || lane.group.toLowerCase().includes(q);
}

/** Whether a record of a mark passes the type filter. */
export function memberVisible(member: MarkMember, filter: ViewFilter): boolean {
  return !filter.hiddenTypes.has(member.type);
}

/** Whether a mark shows at all: some record of it passes the type filter. */
export function markVisible(mark: Mark, filter: ViewFilter): boolean {
  if (filter.hiddenTypes.size === 0) return true;
  return mark.members.some((m) => !filter.hiddenTypes.has(m.type));
}

/**
 * The rows to draw: each group's header followed by its matching lanes,
 * groups without a matching lane left out.
 */
export function visibleRows(model: TimelineModel, filter: ViewFilter): Row[] {
  const rows: Row[] = [];
  if (filter.counters) rows.push({ kind: 'group', label: COUNTERS_GROUP }, ...counterRows(model));
  let currentGroup: string | null = null;
  let header: Extract<Row, { kind: 'group' }> | null = null;
  model.lanes.forEach((lane, laneIndex) => {
    if (!laneMatches(lane, filter.query)) return;
    if (lane.group !== currentGroup) {
      currentGroup = lane.group;
      // The system's power lane tells the story of every other lane: it never folds.
      const system = lane.group === SYSTEM_GROUP;
      header = system ? { kind: 'group', label: 'system' } : { kind: 'group', label: lane.group, group: lane.group };
      if (!system && filter.folded?.has(lane.group)) header.folded = { lanes: 0 };
      rows.push(header);
    }
    if (header?.folded) header.folded.lanes++;
    else rows.push({ kind: 'lane', lane, laneIndex });
  });
  return rows;
}

/** laneIndex -> row index, for placing arrows; lanes filtered out are absent. */
export function rowOfLane(rows: readonly Row[]): Map<number, number> {
  const map = new Map<number, number>();
  rows.forEach((row, i) => {
    if (row.kind === 'lane') map.set(row.laneIndex, i);
  });
  return map;
}
