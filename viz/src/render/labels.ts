import type * as d3 from 'd3';
import { COUNTER_LABELS } from '../layout/counters.js';
import { middleEllipsis } from '../layout/ellipsis.js';
import type { Row } from '../layout/model.js';
import { formatBytes } from '../../../sim/report/format-bytes.js';
import { formatCount } from '../layout/time-format.js';
import type { TimelineOptions } from './timeline-options.js';

/** Must match .row-label's font in style.css: names are shortened to what fits in it. */
const LABEL_FONT = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Room the availability figure takes at the right of a lane label ("99.9%" and its strip). */
const AVAIL_PX = 62;
const TAG_PX = 20;

let measurer: CanvasRenderingContext2D | null = null;
function measure(text: string): number {
  measurer ??= document.createElement('canvas').getContext('2d')!;
  measurer.font = LABEL_FONT;
  return measurer.measureText(text).width;
}

function rowKey(row: Row): string {
  return row.kind === 'lane' ? `lane:${row.lane.key}` : row.kind === 'counter' ? `counter:${row.counter}` : `group:${row.label}`;
}

function fullName(row: Row): string {
  if (row.kind === 'lane') return row.lane.component ?? 'system power state';
  if (row.kind === 'counter') return COUNTER_LABELS[row.counter];
  return row.label;
}

function shownName(row: Row): string {
  return row.kind === 'lane' ? row.lane.label : fullName(row);
}

/** The figure at the right of a row: a lane's availability, a counter's highest value. */
function sideText(row: Row): string {
  if (row.kind === 'lane') return `${(row.lane.availability * 100).toFixed(1)}%`;
  if (row.kind === 'counter') return row.counter === 'system-up' ? '' : row.max === 0 ? 'none' : row.counter === 'lost-bytes' ? `max ${formatBytes(row.max)}` : `max ${formatCount(row.max)}`;
  return '';
}

/**
 * Lane, counter and group labels, always set as text: names come from traces
 * and may contain markup. A long name is cut in the middle to fit (the full
 * name is its tooltip); a lane shows its availability beside it.
 */
export function drawLabels(
  labels: d3.Selection<HTMLDivElement, unknown, null, undefined>,
  rows: readonly Row[],
  options: Pick<TimelineOptions, 'rowHeight' | 'labelWidth' | 'traceTags'>,
): void {
  labels.style('width', `${options.labelWidth}px`);
  const items = labels
    .selectAll<HTMLDivElement, Row>('div.row-label')
    .data(rows, rowKey)
    .join((enter) => {
      const div = enter.append('div');
      div.append('span').attr('class', 'tag');
      div.append('span').attr('class', 'name');
      const side = div.append('span').attr('class', 'side');
      side.append('span').attr('class', 'avail-strip').append('span').attr('class', 'avail-fill');
      side.append('span').attr('class', 'side-text');
      return div;
    })
    .attr('class', (row) => `row-label ${row.kind === 'lane' ? `lane-label lane-${row.lane.kind}` : row.kind === 'counter' ? 'counter-label' : 'group-label'}`)
    .attr('data-lane-key', (row) => (row.kind === 'lane' ? row.lane.key : null))
    .attr('data-counter', (row) => (row.kind === 'counter' ? row.counter : null))
    .attr('title', fullName)
    .style('top', (_row, i) => `${i * options.rowHeight}px`)
    .style('height', `${options.rowHeight}px`)
    .style('line-height', `${options.rowHeight}px`);
  items.select('span.tag').text((row) => (row.kind === 'lane' ? (options.traceTags[row.lane.traceIndex] ?? '') : ''));
  items.select<HTMLSpanElement>('span.name').text((row) => {
    const tagged = row.kind === 'lane' && options.traceTags[row.lane.traceIndex] ? TAG_PX : 0;
    const indent = row.kind === 'group' ? 16 : 26;
    const side = row.kind === 'lane' ? AVAIL_PX : row.kind === 'counter' ? measure(sideText(row)) + 8 : 0;
    return middleEllipsis(shownName(row), Math.max(20, options.labelWidth - indent - side - tagged), measure);
  });
  items.select('span.side-text').text(sideText);
  items.select('span.side').attr('title', (row) => (row.kind === 'lane' ? `${row.lane.kind === 'system' ? 'up' : 'running'} ${sideText(row)} of the run` : null));
  items.select<HTMLSpanElement>('span.avail-strip').style('display', (row) => (row.kind === 'lane' ? null : 'none'));
  items.select<HTMLSpanElement>('span.avail-fill').style('width', (row) => (row.kind === 'lane' ? `${(row.lane.availability * 100).toFixed(1)}%` : '0'));
}
