import type * as d3 from 'd3';
import { COUNTER_LABELS } from '../layout/counters.js';
import { middleEllipsis } from '../layout/ellipsis.js';
import type { Row } from '../layout/model.js';
import { formatBytes } from '../../../sim/format/format-bytes.js';
import { formatCount } from '../layout/time-format.js';
import { formatShare } from '../layout/share-format.js';
import type { TimelineOptions } from './timeline-options.js';

/** Must match .row-label's font in style.css: names are shortened to what fits in it. */
const LABEL_FONT = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Group labels are bold (.group-label): measured so, or their ends are clipped. */
const GROUP_FONT = `600 ${LABEL_FONT}`;
/** The side figures' font (.row-label .side). */
const SIDE_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Room beside the availability figure: its strip and the gaps. */
const AVAIL_STRIP_PX = 24;
/** Below this label width the availability strip is left out: the figure says it, and the name needs the room. */
const STRIP_MIN_LABEL_PX = 200;
const TAG_PX = 20;

let measurer: CanvasRenderingContext2D | null = null;
function measureIn(font: string, text: string): number {
  measurer ??= document.createElement('canvas').getContext('2d')!;
  measurer.font = font;
  return measurer.measureText(text).width;
}
const measure = (text: string): number => measureIn(LABEL_FONT, text);

function rowKey(row: Row): string {
  return row.kind === 'lane' ? `lane:${row.lane.key}` : row.kind === 'counter' ? `counter:${row.counter}` : `group:${row.label}`;
}

function fullName(row: Row): string {
  if (row.kind === 'lane') return row.lane.component ?? 'system power state';
  if (row.kind === 'counter') return COUNTER_LABELS[row.counter];
  return row.label;
}

function shownName(row: Row): string {
  if (row.kind === 'group' && row.folded) return `${row.label} (${row.folded.lanes} folded)`;
  return row.kind === 'lane' ? row.lane.label : fullName(row);
}

/** The figure at the right of a row: a lane's availability, a counter's highest value. */
function sideText(row: Row): string {
  if (row.kind === 'lane') return formatShare(row.lane.availability);
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
  // A lane group's header folds and unfolds it (controls.ts listens): a button to the keyboard too.
  items
    .attr('data-group', (row) => (row.kind === 'group' && row.group !== undefined ? row.group : null))
    .attr('role', (row) => (row.kind === 'group' && row.group !== undefined ? 'button' : null))
    .attr('tabindex', (row) => (row.kind === 'group' && row.group !== undefined ? 0 : null))
    .attr('aria-expanded', (row) => (row.kind === 'group' && row.group !== undefined ? String(!row.folded) : null));
  items.select('span.tag').text((row) => (row.kind === 'lane' ? (options.traceTags[row.lane.traceIndex] ?? '') : ''));
  // A counter's name matters more than its highest value: in a narrow column the value goes to the tooltip.
  const counterFits = (row: Row): boolean => row.kind === 'counter' && measure(shownName(row)) + measureIn(SIDE_FONT, sideText(row)) + 8 <= options.labelWidth - 26;
  items.select<HTMLSpanElement>('span.name').text((row) => {
    const tagged = row.kind === 'lane' && options.traceTags[row.lane.traceIndex] ? TAG_PX : 0;
    const indent = row.kind === 'group' ? 16 : 26;
    const strip = options.labelWidth >= STRIP_MIN_LABEL_PX ? AVAIL_STRIP_PX : 8;
    const side = row.kind === 'lane' ? measureIn(SIDE_FONT, sideText(row)) + strip : row.kind === 'counter' && counterFits(row) ? measureIn(SIDE_FONT, sideText(row)) + 8 : 0;
    const font = row.kind === 'group' ? GROUP_FONT : LABEL_FONT;
    return middleEllipsis(shownName(row), Math.max(20, options.labelWidth - indent - side - tagged), (text) => measureIn(font, text));
  });
  items.select('span.side-text').text((row) => (row.kind !== 'counter' || counterFits(row) ? sideText(row) : ''));
  items.attr('title', (row) => (row.kind === 'counter' && sideText(row) ? `${fullName(row)}: ${sideText(row)}` : fullName(row)));
  items.select('span.side').attr('title', (row) => (row.kind === 'lane' ? `${row.lane.kind === 'system' ? 'up' : 'running'} ${sideText(row)} of the run` : null));
  items.select<HTMLSpanElement>('span.avail-strip').style('display', (row) => (row.kind === 'lane' && options.labelWidth >= STRIP_MIN_LABEL_PX ? null : 'none'));
  items.select<HTMLSpanElement>('span.avail-fill').style('width', (row) => (row.kind === 'lane' ? `${(row.lane.availability * 100).toFixed(3)}%` : '0'));
}
