import * as d3 from 'd3';
import type { RecordRef } from '../layout/model.js';
import { incidentStoryText, type IncidentStory } from '../layout/stories.js';
import { formatSpan } from '../layout/time-format.js';

/** Incidents listed at most; the rest are counted (a day-long run has thousands). */
const LISTED_MAX = 300;

export type IncidentOrder = 'time' | 'longest';

interface Stats {
  outages: number;
  median?: number;
  longest?: number;
  longestFirst: () => readonly IncidentStory[];
}

const stats = new WeakMap<readonly IncidentStory[], Stats>();

/** Counts and orders of a list of incidents, worked out once per list (the panel is redrawn at every click). */
function statsOf(stories: readonly IncidentStory[]): Stats {
  let s = stats.get(stories);
  if (!s) {
    const lasted = stories.filter((x) => x.incident.downUs !== undefined).map((x) => x.lastedUs).sort((a, b) => a - b);
    let longestFirst: readonly IncidentStory[] | null = null;
    s = {
      outages: lasted.length,
      median: lasted.length > 0 ? lasted[Math.floor((lasted.length - 1) / 2)] : undefined,
      longest: lasted.length > 0 ? lasted[lasted.length - 1] : undefined,
      longestFirst: () => (longestFirst ??= [...stories].sort((a, b) => b.lastedUs - a.lastedUs || a.incident.startUs - b.incident.startUs)),
    };
    stats.set(stories, s);
  }
  return s;
}

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
  const { outages, median, longest, longestFirst } = statsOf(stories);
  root.append('h3').text(`Incidents (${stories.length})`);
  if (median !== undefined) {
    root.append('p').attr('class', 'panel-note').text(`${outages} with an outage: median ${formatSpan(median)}, longest ${formatSpan(longest!)} from the fault to running again (or to the end of the run)`);
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
  const sorted = order === 'longest' ? longestFirst() : stories;
  const list = root.append('ul').attr('class', 'jump-list');
  for (const story of sorted.slice(0, LISTED_MAX)) {
    list
      .append('li')
      .append('button')
      .attr('type', 'button')
      .attr('class', 'jump-item incident-item')
      .attr('data-seq', story.ref.seq)
      .attr('data-trace', story.ref.traceIndex)
      .text(incidentStoryText(story))
      .on('click', () => onJump(story.ref));
  }
  if (sorted.length > LISTED_MAX) list.append('li').attr('class', 'hint').text(`… and ${sorted.length - LISTED_MAX} more`);
}
