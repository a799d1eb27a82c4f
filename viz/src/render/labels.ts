import type * as d3 from 'd3';
import type { Row } from '../layout/model.js';
import type { TimelineOptions } from './timeline.js';

/** Lane and group labels, always set as text: names come from traces and may contain markup. */
export function drawLabels(
  labels: d3.Selection<HTMLDivElement, unknown, null, undefined>,
  rows: readonly Row[],
  options: Pick<TimelineOptions, 'rowHeight' | 'labelWidth' | 'traceTags'>,
): void {
  labels.style('width', `${options.labelWidth}px`);
  const items = labels
    .selectAll<HTMLDivElement, Row>('div.row-label')
    .data(rows, (row) => (row.kind === 'lane' ? `lane:${row.lane.key}` : `group:${row.label}`))
    .join((enter) => {
      const div = enter.append('div');
      div.append('span').attr('class', 'tag');
      div.append('span').attr('class', 'name');
      return div;
    })
    .attr('class', (row) => `row-label ${row.kind === 'lane' ? `lane-label lane-${row.lane.kind}` : 'group-label'}`)
    .attr('data-lane-key', (row) => (row.kind === 'lane' ? row.lane.key : null))
    .attr('title', (row) => (row.kind === 'lane' ? (row.lane.component ?? 'system power state') : row.label))
    .style('top', (_row, i) => `${i * options.rowHeight}px`)
    .style('height', `${options.rowHeight}px`)
    .style('line-height', `${options.rowHeight}px`);
  items
    .select('span.tag')
    .text((row) => (row.kind === 'lane' ? (options.traceTags[row.lane.traceIndex] ?? '') : ''));
  items.select('span.name').text((row) => (row.kind === 'lane' ? row.lane.label : row.label));
}
