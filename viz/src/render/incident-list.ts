import * as d3 from 'd3';
import type { RecordRef } from '../layout/model.js';
import type { IncidentStory } from '../layout/stories.js';
import { formatSpan } from '../layout/time-format.js';

/** Incidents listed at most; the rest are counted (a day-long run has thousands). */
const LISTED_MAX = 300;

export type IncidentOrder = 'time' | 'longest';

/**
 * The incidents panel: how many, how long they took (median and longest),
 * and the list, in time order or longest first; clicking one frames it.
 */
export function renderIncidentList(
  container: HTMLElement,
  stories: readonly IncidentStory[],
  order: IncidentOrder,
  onOrder: (order: IncidentOrder) => void,
  onJump: (ref: RecordRef) => void,
): void {
  const root = d3.select(container);
  root.selectAll('*').remove();
  if (stories.length === 0) {
    root.append('h3').text('No faults, no incidents');
    return;
  }
  const outages = stories.filter((s) => s.incident.downUs !== undefined).map((s) => s.lastedUs).sort((a, b) => a - b);
  const median = outages.length > 0 ? outages[Math.floor((outages.length - 1) / 2)]! : undefined;
  const longest = outages.length > 0 ? outages[outages.length - 1]! : undefined;
  root.append('h3').text(`Incidents (${stories.length})`);
  if (median !== undefined) {
    root.append('p').attr('class', 'panel-note').text(`${outages.length} with an outage: median ${formatSpan(median)}, longest ${formatSpan(longest!)} from fault to running again`);
  }
  const bar = root.append('div').attr('class', 'segmented').attr('role', 'group').attr('aria-label', 'Order incidents');
  for (const [value, label] of [['time', 'in time order'], ['longest', 'longest first']] as const) {
    bar
      .append('button')
      .attr('type', 'button')
      .attr('data-order', value)
      .attr('aria-pressed', String(order === value))
      .text(label)
      .on('click', () => onOrder(value));
  }
  const sorted = order === 'longest' ? [...stories].sort((a, b) => b.lastedUs - a.lastedUs || a.incident.startUs - b.incident.startUs) : stories;
  const list = root.append('ul').attr('class', 'jump-list');
  for (const story of sorted.slice(0, LISTED_MAX)) {
    list
      .append('li')
      .append('button')
      .attr('type', 'button')
      .attr('class', 'jump-item incident-item')
      .attr('data-seq', story.ref.seq)
      .attr('data-trace', story.ref.traceIndex)
      .text(story.text)
      .on('click', () => onJump(story.ref));
  }
  if (sorted.length > LISTED_MAX) list.append('li').attr('class', 'hint').text(`… and ${sorted.length - LISTED_MAX} more`);
}
