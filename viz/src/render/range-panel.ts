import * as d3 from 'd3';
import { describeRecord } from '../layout/describe.js';
import type { RecordRef } from '../layout/model.js';
import type { RangeSummary } from '../layout/range-summary.js';
import { formatCount, formatInstant, formatSpan } from '../layout/time-format.js';
import type { TraceRecord } from '../layout/trace-types.js';

export interface RangeActions {
  zoom(): void;
  clear(): void;
  /** Selects a listed record. */
  pick(ref: RecordRef): void;
}

/** Rows of the records table drawn at most; the rest are counted (narrow the range, or sort). */
const TABLE_ROWS_MAX = 200;

type Column = 'time' | 'where' | 'type';
/** How each column sorts; ties keep time order. */
const SORTS: Readonly<Record<Column, (a: TraceRecord, b: TraceRecord) => number>> = {
  time: (a, b) => a.t - b.t || a.seq - b.seq,
  where: (a, b) => whereOf(a).localeCompare(whereOf(b)) || a.t - b.t || a.seq - b.seq,
  type: (a, b) => a.type.localeCompare(b.type) || a.t - b.t || a.seq - b.seq,
};
/** The table's sort, kept across redraws of the panel. */
let sortBy: { column: Column; descending: boolean } = { column: 'time', descending: false };

function whereOf(r: TraceRecord): string {
  return 'component' in r && typeof r.component === 'string' ? r.component : 'system';
}

/** The records in the range as a table sortable by time, lane or type (like Perfetto's area selection); a row selects its record. */
function recordsTable(box: d3.Selection<HTMLDivElement, unknown, null, undefined>, s: RangeSummary, pick: (ref: RecordRef) => void, redraw: () => void): void {
  if (s.records.length === 0) return;
  const compare = SORTS[sortBy.column];
  const sorted = [...s.records].sort((a, b) => (sortBy.descending ? -compare(a, b) : compare(a, b)));
  const table = box.append('div').attr('class', 'range-records-scroll').append('table').attr('class', 'range-records');
  const head = table.append('thead').append('tr');
  for (const [column, label] of [['time', 'time'], ['where', 'lane'], ['type', 'type']] as const) {
    const th = head.append('th').attr('scope', 'col').attr('aria-sort', sortBy.column === column ? (sortBy.descending ? 'descending' : 'ascending') : 'none');
    th.append('button')
      .attr('type', 'button')
      .attr('class', 'sort-button')
      .attr('data-column', column)
      .text(`${label}${sortBy.column === column ? (sortBy.descending ? ' ▼' : ' ▲') : ''}`)
      .on('click', () => {
        sortBy = { column, descending: sortBy.column === column ? !sortBy.descending : false };
        redraw();
      });
  }
  const body = table.append('tbody');
  for (const r of sorted.slice(0, TABLE_ROWS_MAX)) {
    // What the record says is its tooltip: a fourth column would not fit the panel.
    const tr = body.append('tr').attr('data-seq', r.seq).attr('title', describeRecord(r));
    tr.append('td').append('button').attr('type', 'button').attr('class', 'range-record').attr('data-seq', r.seq).text(formatInstant(r.t)).on('click', () => pick({ traceIndex: s.traceIndex, seq: r.seq }));
    tr.append('td').text(whereOf(r));
    tr.append('td').text(r.type);
  }
  const more = s.recordsTotal - Math.min(sorted.length, TABLE_ROWS_MAX);
  if (more > 0) box.append('p').attr('class', 'hint').text(`… and ${formatCount(more)} more records${s.recordsTotal > s.records.length ? ` (the table sorts the first ${formatCount(s.records.length)})` : ''}: narrow the range`);
}

/** The selected range: time per state, records per type and downtime inside it, per trace. */
export function renderRangePanel(container: HTMLElement, summaries: readonly RangeSummary[] | null, tags: readonly string[], actions: RangeActions): void {
  const redraw = (): void => renderRangePanel(container, summaries, tags, actions);
  const root = d3.select(container);
  root.selectAll('*').remove();
  container.hidden = summaries === null;
  if (!summaries || summaries.length === 0) return;
  const { startUs, endUs } = summaries[0]!;
  const span = endUs - startUs;
  root.append('h3').text(`Range ${formatInstant(startUs)} – ${formatInstant(endUs)} (${formatSpan(span)})`);
  const buttons = root.append('div').attr('class', 'segmented');
  buttons.append('button').attr('type', 'button').attr('class', 'range-zoom').text('Zoom to it').on('click', () => actions.zoom());
  buttons.append('button').attr('type', 'button').attr('class', 'range-clear').text('Clear (Esc)').on('click', () => actions.clear());
  for (const s of summaries) {
    if (s.components === 0 && s.systemDownUs === null && s.counts.length === 0) continue;
    const box = root.append('div').attr('class', 'range-trace').attr('data-trace', s.traceIndex);
    const tag = tags[s.traceIndex];
    const down: string[] = [];
    if (s.systemDownUs !== null) down.push(`system not up ${formatSpan(s.systemDownUs)} (${((s.systemDownUs / Math.max(1, span)) * 100).toFixed(1)}%)`);
    if (s.components > 0) down.push(`${s.components} component${s.components === 1 ? '' : 's'} not running ${formatSpan(s.componentDownUs)} in all`);
    if (s.worst) down.push(`longest: ${s.worst.component} ${formatSpan(s.worst.downUs)}`);
    box.append('p').attr('class', 'range-downtime').text(`${tag ? `[${tag}] ` : ''}Downtime: ${down.join('; ') || 'none'}`);
    if (s.stateUs.length > 0) {
      const laneTime = s.stateUs.reduce((a, [, us]) => a + us, 0);
      const table = box.append('table').attr('class', 'range-states');
      for (const [state, us] of s.stateUs) {
        const tr = table.append('tr').attr('data-state', state);
        tr.append('th').text(state);
        tr.append('td').text(formatSpan(us));
        tr.append('td').text(`${((us / Math.max(1, laneTime)) * 100).toFixed(1)}%`);
      }
    }
    const counts = box.append('p').attr('class', 'range-counts');
    counts.text(s.counts.length === 0 ? 'No records.' : `Records: ${s.counts.map(([type, n]) => `${type} ${formatCount(n)}`).join(', ')}`);
    recordsTable(box, s, actions.pick, redraw);
  }
}
