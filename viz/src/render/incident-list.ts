import * as d3 from 'd3';
import type { RecordRef } from '../layout/model.js';
import { incidentStoryText, type IncidentStory } from '../layout/stories.js';
import { formatSpan } from '../layout/time-format.js';

export type IncidentOrder = 'time' | 'longest' | 'component';

/** One line per incident, so the list can draw only the rows in sight (a day has thousands). */
const ROW_PX = 22;
/** Rows drawn beyond the visible ones, above and below, so a scroll never shows a gap. */
const OVERSCAN_ROWS = 10;
/** The list's height at most (the panel scrolls the rest of the side bar). */
const LIST_MAX_PX = 280;

interface Stats {
  outages: number;
  median?: number;
  longest?: number;
  orders: Map<IncidentOrder, readonly IncidentStory[]>;
}

const stats = new WeakMap<readonly IncidentStory[], Stats>();

const COMPARE: Readonly<Record<Exclude<IncidentOrder, 'time'>, (a: IncidentStory, b: IncidentStory) => number>> = {
  longest: (a, b) => b.lastedUs - a.lastedUs || a.incident.startUs - b.incident.startUs,
  component: (a, b) => {
    const [x, y] = [a.incident.component ?? '', b.incident.component ?? ''];
    return x < y ? -1 : x > y ? 1 : a.incident.startUs - b.incident.startUs;
  },
};

/** Counts and orders of a list of incidents, worked out once per list (the panel is redrawn at every click). */
function statsOf(stories: readonly IncidentStory[]): Stats {
  let s = stats.get(stories);
  if (!s) {
    const lasted = stories.filter((x) => x.incident.downUs !== undefined).map((x) => x.lastedUs).sort((a, b) => a - b);
    s = {
      outages: lasted.length,
      median: lasted.length > 0 ? lasted[Math.floor((lasted.length - 1) / 2)] : undefined,
      longest: lasted.length > 0 ? lasted[lasted.length - 1] : undefined,
      orders: new Map([['time', stories]]),
    };
    stats.set(stories, s);
  }
  return s;
}

function ordered(stories: readonly IncidentStory[], order: IncidentOrder): readonly IncidentStory[] {
  const s = statsOf(stories);
  let list = s.orders.get(order);
  if (!list) s.orders.set(order, (list = [...stories].sort(COMPARE[order as Exclude<IncidentOrder, 'time'>])));
  return list;
}

/** Where each incident list was scrolled to, so a redraw of the panel (at every click) keeps the place. */
const scrollOf = new WeakMap<HTMLElement, { order: IncidentOrder; top: number }>();

/**
 * The incidents panel: how many, how long they took (median and longest),
 * and every one of them, in time order, longest first or by component;
 * clicking one frames it. Only the rows in sight are in the page.
 */
export function renderIncidentList(
  container: HTMLElement,
  stories: readonly IncidentStory[],
  order: IncidentOrder,
  onOrder: (order: IncidentOrder) => void,
  onJump: (ref: RecordRef) => void,
): void {
  const previous = container.querySelector<HTMLElement>('.incident-scroll');
  if (previous) scrollOf.set(container, { order: previous.dataset.order as IncidentOrder, top: previous.scrollTop });
  const root = d3.select(container);
  root.selectAll('*').remove();
  if (stories.length === 0) {
    root.append('h3').text('No faults, no incidents');
    return;
  }
  const { outages, median, longest } = statsOf(stories);
  root.append('h3').text(`Incidents (${stories.length})`);
  if (median !== undefined) {
    root.append('p').attr('class', 'panel-note').text(`${outages} with an outage: median ${formatSpan(median)}, longest ${formatSpan(longest!)} from the fault to running again (or to the end of the run)`);
  }
  const bar = root.append('div').attr('class', 'segmented').attr('role', 'group').attr('aria-label', 'Order incidents');
  for (const [value, label] of [['time', 'in time order'], ['longest', 'longest first'], ['component', 'by component']] as const) {
    bar
      .append('button')
      .attr('type', 'button')
      .attr('data-order', value)
      .attr('aria-pressed', String(order === value))
      .text(label)
      .on('click', () => onOrder(value));
  }
  const list = ordered(stories, order);
  const scroller = root
    .append('div')
    .attr('class', 'incident-scroll')
    .attr('data-order', order)
    .attr('role', 'list')
    .attr('aria-label', `${list.length} incidents`)
    .style('height', `${Math.min(LIST_MAX_PX, list.length * ROW_PX)}px`);
  const inner = scroller.append('div').attr('class', 'incident-rows').style('height', `${list.length * ROW_PX}px`);
  const el = scroller.node()!;
  let drawn = { first: -1, last: -1 };
  const draw = (): void => {
    const first = Math.max(0, Math.floor(el.scrollTop / ROW_PX) - OVERSCAN_ROWS);
    const last = Math.min(list.length, Math.ceil((el.scrollTop + el.clientHeight) / ROW_PX) + OVERSCAN_ROWS);
    if (first === drawn.first && last === drawn.last) return;
    drawn = { first, last };
    inner
      .selectAll<HTMLButtonElement, number>('button')
      .data(d3.range(first, last), (i) => String(i))
      .join((enter) =>
        enter
          .append('button')
          .attr('type', 'button')
          .attr('role', 'listitem')
          .attr('class', 'jump-item incident-item')
          .style('top', (i) => `${i * ROW_PX}px`)
          .attr('data-index', (i) => i)
          .attr('data-seq', (i) => list[i]!.ref.seq)
          .attr('data-trace', (i) => list[i]!.ref.traceIndex)
          .each(function (i) {
            const text = incidentStoryText(list[i]!);
            this.textContent = text;
            this.title = text;
          })
          .on('click', (_, i) => onJump(list[i]!.ref)),
      );
  };
  const kept = scrollOf.get(container);
  if (kept && kept.order === order) el.scrollTop = kept.top;
  draw();
  el.addEventListener('scroll', draw, { passive: true });
  // Tabbing past the last drawn row scrolls the next into the page.
  el.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement;
    const i = Number(target.dataset.index);
    if (Number.isFinite(i)) {
      const top = i * ROW_PX;
      if (top < el.scrollTop || top + ROW_PX > el.scrollTop + el.clientHeight) el.scrollTop = top - el.clientHeight / 2;
      draw();
    }
  });
}
