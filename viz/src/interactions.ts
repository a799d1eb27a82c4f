import type { App } from './app.js';
import { describeIncident } from './layout/describe-incident.js';
import { describeRecord } from './layout/describe.js';
import { incidentAt } from './layout/lane-incidents.js';
import { INCIDENT_STRIP_PX } from './render/paint-lanes.js';
import { topVisibleMember } from './layout/coincident.js';
import { markVisible, memberVisible } from './layout/filter.js';
import { barAt, nearestMark } from './layout/hit-test.js';
import type { MarkMember, RecordRef, Row } from './layout/model.js';
import type { RangeSelection } from './layout/range-summary.js';
import { COUNTER_LABELS, stepAt, valueAt } from './layout/counters.js';
import { formatBytes } from '../../sim/format/format-bytes.js';
import { formatCount, formatInstant, formatSpan, roundToZoom } from './layout/time-format.js';
import { panBy, zoomAt } from './layout/viewport.js';

/** Pixels a pointer may move between down and up and still count as a click. */
const CLICK_SLOP_PX = 4;
/** How near (in px) a click must be to a mark to pick it. */
const PICK_RADIUS_PX = 7;
/** Records of one instant listed in the tooltip; the panel lists them all. */
const TOOLTIP_MEMBERS_MAX = 12;

/**
 * The record behind a counter track at a point: the step nearest the pointer
 * (within the pick radius), else the one in effect there, of whichever
 * compared trace has its step nearest.
 */
function counterHit(row: Extract<Row, { kind: 'counter' }>, tUs: number, usPerPx: number): RecordRef | null {
  let best: { ref: RecordRef; distance: number } | null = null;
  for (const track of row.tracks) {
    if (tUs > track.endUs) continue;
    const i = stepAt(track.series, tUs, PICK_RADIUS_PX * usPerPx);
    if (i < 0) continue;
    const distance = Math.abs(track.series.times[i]! - tUs);
    if (!best || distance < best.distance) best = { ref: { traceIndex: track.traceIndex, seq: track.series.seqs[i]! }, distance };
  }
  return best?.ref ?? null;
}

/** What is under a pointer: the nearest visible mark (all its records), else the state bar's record; on a counter, the record that set it. */
export function hitAt(app: App, clientX: number, clientY: number): { ref: RecordRef; group: readonly number[] } | null {
  const { tUs, row, usPerPx } = app.timeline.locate(clientX, clientY);
  const target = app.rows[row];
  if (target?.kind === 'counter') {
    const ref = counterHit(target, tUs, usPerPx);
    return ref ? { ref, group: [ref.seq] } : null;
  }
  if (!target || target.kind !== 'lane') return null;
  const lane = target.lane;
  const mark = nearestMark(lane, tUs, PICK_RADIUS_PX * usPerPx, (m) => markVisible(m, app.filter));
  if (mark) {
    const visible = (m: MarkMember): boolean => memberVisible(m, app.filter);
    const top = topVisibleMember(mark, visible) ?? mark;
    return { ref: { traceIndex: lane.traceIndex, seq: top.seq }, group: mark.members.filter(visible).map((m) => m.seq) };
  }
  const bar = barAt(lane, tUs);
  return bar && bar.seq !== null ? { ref: { traceIndex: lane.traceIndex, seq: bar.seq }, group: [bar.seq] } : null;
}

/** The range between two pointer positions: their times, and the lanes of the rows between them. */
function rangeBetween(app: App, from: { x: number; y: number }, to: { clientX: number; clientY: number }): RangeSelection {
  const a = app.timeline.locate(from.x, from.y);
  const b = app.timeline.locate(to.clientX, to.clientY);
  const [r0, r1] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
  const lanes = app.rows.slice(Math.max(0, r0), r1 + 1).flatMap((r) => (r.kind === 'lane' ? [r.laneIndex] : []));
  // A pointer is only as precise as a pixel: the range's ends are rounded to the zoom.
  const [t0, t1] = [roundToZoom(a.tUs, a.usPerPx), roundToZoom(b.tUs, b.usPerPx)];
  return { startUs: Math.min(t0, t1), endUs: Math.max(t0, t1), lanes };
}

/** The fault of the incident whose strip (along the bottom of a lane) is under a point. */
export function incidentStripAt(app: App, clientX: number, clientY: number): RecordRef | null {
  const { tUs, row, usPerPx, yInRowPx } = app.timeline.locate(clientX, clientY);
  const target = app.rows[row];
  if (!target || target.kind !== 'lane' || yInRowPx < app.timeline.rowHeight() - INCIDENT_STRIP_PX - 3) return null;
  const incident = incidentAt(target.lane, tUs, PICK_RADIUS_PX * usPerPx);
  return incident ? { traceIndex: target.lane.traceIndex, seq: incident.faultSeq } : null;
}

/** The record a click at a point selects: the most important record of the mark there. */
export function recordAt(app: App, clientX: number, clientY: number): RecordRef | null {
  return hitAt(app, clientX, clientY)?.ref ?? null;
}

/** Wheel zooms at the pointer (shift or horizontal wheel pans), drag pans, click selects, hover explains: on the pinned plot as on the scrolling one. */
export function attachInteractions(app: App, tooltip: HTMLElement): void {
  for (const plot of app.timeline.plots) attachToPlot(app, plot, tooltip);
}

function attachToPlot(app: App, plot: HTMLElement, tooltip: HTMLElement): void {
  plot.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const { tUs, usPerPx } = app.timeline.locate(event.clientX, event.clientY);
      const horizontal = event.shiftKey ? event.deltaY || event.deltaX : event.deltaX;
      if (Math.abs(horizontal) > Math.abs(event.shiftKey ? 0 : event.deltaY)) {
        app.setDomain(panBy(app.domain, app.extent, horizontal * usPerPx));
      } else {
        const factor = Math.exp(Math.max(-100, Math.min(100, event.deltaY)) * 0.004);
        app.setDomain(zoomAt(app.domain, app.extent, factor, tUs));
      }
    },
    { passive: false },
  );

  let drag: { x: number; startDomain: typeof app.domain; moved: boolean } | null = null;
  // Shift+drag picks a range of time and the lanes it spans, to summarize.
  let picking: { x: number; y: number } | null = null;
  plot.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    plot.setPointerCapture(event.pointerId);
    if (event.shiftKey) {
      picking = { x: event.clientX, y: event.clientY };
      return;
    }
    drag = { x: event.clientX, startDomain: app.domain, moved: false };
  });
  plot.addEventListener('pointermove', (event) => {
    if (picking) {
      if (Math.abs(event.clientX - picking.x) > CLICK_SLOP_PX) app.previewRange(rangeBetween(app, picking, event));
      tooltip.hidden = true;
      return;
    }
    if (drag) {
      const dx = event.clientX - drag.x;
      if (Math.abs(dx) > CLICK_SLOP_PX) drag.moved = true;
      if (drag.moved) {
        const usPerPx = (drag.startDomain.endUs - drag.startDomain.startUs) / app.timeline.plotWidth();
        app.setDomain(panBy(drag.startDomain, app.extent, -dx * usPerPx));
        plot.classList.add('dragging');
      }
      tooltip.hidden = true;
      return;
    }
    showTooltip(app, tooltip, event);
  });
  plot.addEventListener('pointerup', (event) => {
    if (picking) {
      const moved = Math.abs(event.clientX - picking.x) > CLICK_SLOP_PX;
      app.setRange(moved ? rangeBetween(app, picking, event) : null);
      picking = null;
      return;
    }
    const wasClick = drag && !drag.moved;
    drag = null;
    plot.classList.remove('dragging');
    if (!wasClick) return;
    const incident = incidentStripAt(app, event.clientX, event.clientY);
    if (incident) return app.jumpTo(incident);
    const ref = recordAt(app, event.clientX, event.clientY);
    // A counter's record sits on a component's lane, maybe scrolled out of sight below: bring it in.
    if (ref && app.rows[app.timeline.locate(event.clientX, event.clientY).row]?.kind === 'counter') app.jumpTo(ref, false);
    else app.select(ref);
  });
  plot.addEventListener('pointerleave', () => {
    tooltip.hidden = true;
  });
}

/** A counter row's values at the pointer: "components up at 1min 2s: A 63, B 64". */
function counterTooltip(app: App, row: Extract<Row, { kind: 'counter' }>, tUs: number, usPerPx: number): string {
  const tags = app.tags;
  const values = row.tracks.map((track) => {
    const value = tUs > track.endUs ? undefined : valueAt(track.series, tUs);
    const text = value === undefined ? 'run over' : row.counter === 'lost-bytes' ? formatBytes(value) : row.counter === 'system-up' ? (value ? 'up' : 'down') : formatCount(value);
    return `${tags[track.traceIndex] ? `${tags[track.traceIndex]} ` : ''}${text}`;
  });
  return `${COUNTER_LABELS[row.counter]} at ${formatInstant(roundToZoom(tUs, usPerPx))}: ${values.join(', ')}\n(click: the record that changed it)`;
}

function showTooltip(app: App, tooltip: HTMLElement, event: PointerEvent): void {
  const located = app.timeline.locate(event.clientX, event.clientY);
  const counterRow = app.rows[located.row];
  if (counterRow?.kind === 'counter') {
    tooltip.textContent = counterTooltip(app, counterRow, located.tUs, located.usPerPx);
    placeTooltip(tooltip, event.clientX, event.clientY);
    return;
  }
  const hit = hitAt(app, event.clientX, event.clientY);
  const trace = hit ? app.model?.traces[hit.ref.traceIndex] : undefined;
  const record = hit ? trace?.bySeq.get(hit.ref.seq) : undefined;
  if (!hit || !trace || !record) {
    tooltip.hidden = true;
    return;
  }
  const { tUs, row } = app.timeline.locate(event.clientX, event.clientY);
  const target = app.rows[row];
  const bar = target?.kind === 'lane' ? barAt(target.lane, tUs) : undefined;
  const members = hit.group.flatMap((seq) => trace.bySeq.get(seq) ?? []);
  const lines =
    members.length > 1
      ? [
          `${formatInstant(record.t)}  ${members.length} records at this instant (click, then pick one in the panel):`,
          ...members.slice(0, TOOLTIP_MEMBERS_MAX).map((r) => `  • ${describeRecord(r)}`),
          ...(members.length > TOOLTIP_MEMBERS_MAX ? [`  … and ${members.length - TOOLTIP_MEMBERS_MAX} more`] : []),
        ]
      : [`${formatInstant(record.t)}  ${describeRecord(record)}`];
  if (bar) lines.push(`${bar.state} for ${formatSpan(bar.endUs - bar.startUs)} (${formatInstant(bar.startUs)} – ${formatInstant(bar.endUs)})`);
  const incident = target?.kind === 'lane' ? incidentAt(target.lane, tUs, PICK_RADIUS_PX * app.timeline.locate(event.clientX, event.clientY).usPerPx) : undefined;
  if (incident) lines.push(`incident: ${describeIncident(incident)} (click the strip under the bar to frame it)`);
  tooltip.textContent = lines.join('\n');
  placeTooltip(tooltip, event.clientX, event.clientY);
}

/** Gap between the pointer and the tooltip, and between the tooltip and the window's edge. */
const TOOLTIP_OFFSET_PX = 14;
const EDGE_PX = 4;

/**
 * Shows the tooltip below and right of the pointer, or above / left of it
 * where it would run past the window's bottom or right edge; never outside
 * the window (a tall one is also capped to the window's height).
 */
function placeTooltip(tooltip: HTMLElement, x: number, y: number): void {
  tooltip.hidden = false;
  tooltip.style.maxHeight = `${window.innerHeight - 2 * EDGE_PX}px`;
  const { width, height } = tooltip.getBoundingClientRect();
  let left = x + TOOLTIP_OFFSET_PX;
  if (left + width > window.innerWidth - EDGE_PX) left = x - TOOLTIP_OFFSET_PX - width;
  let top = y + TOOLTIP_OFFSET_PX;
  if (top + height > window.innerHeight - EDGE_PX) top = y - TOOLTIP_OFFSET_PX - height;
  tooltip.style.left = `${Math.max(EDGE_PX, Math.min(left, window.innerWidth - EDGE_PX - width))}px`;
  tooltip.style.top = `${Math.max(EDGE_PX, Math.min(top, window.innerHeight - EDGE_PX - height))}px`;
}
