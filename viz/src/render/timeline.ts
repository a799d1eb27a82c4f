import * as d3 from 'd3';
import { rowOfLane } from '../layout/filter.js';
import type { ViewFilter } from '../layout/filter.js';
import type { Row } from '../layout/model.js';
import type { Domain } from '../layout/viewport.js';
import type { RangeSelection } from '../layout/range-summary.js';
import { drawAxis } from './axis.js';
import { drawLabels } from './labels.js';
import { drawOverlay, initOverlay, type Highlight, type TimeMarker } from './overlay.js';
import { paintLanes } from './paint-lanes.js';
import { DEFAULT_TIMELINE_OPTIONS, type TimelineOptions } from './timeline-options.js';

export { DEFAULT_TIMELINE_OPTIONS, type TimelineOptions } from './timeline-options.js';

/** What the timeline shows; the app owns it and hands a new one to update(). */
export interface TimelineState {
  rows: readonly Row[];
  filter: ViewFilter;
  domain: Domain;
  highlight: Highlight | null;
  markers: readonly TimeMarker[];
  /** The range being summarized, drawn as a band over its lanes. */
  range: RangeSelection | null;
}

export interface PaintStats {
  /** Milliseconds spent in the last repaint (canvas + overlay + axis). */
  lastPaintMs: number;
  paints: number;
}

export interface TimelineView {
  update(state: TimelineState, options?: Partial<TimelineOptions>): void;
  /** Repaints now (instead of at the next animation frame); returns the time it took. */
  paintNow(): number;
  /** Width of the plot area in CSS pixels. */
  plotWidth(): number;
  /** The plot element that receives wheel, drag and click. */
  plot: HTMLElement;
  /** Converts a pointer position in the plot to (time, row index, height within the row). */
  locate(clientX: number, clientY: number): { tUs: number; row: number; usPerPx: number; yInRowPx: number };
  rowHeight(): number;
  /** Client coordinates of (time, row) in the current view (for tests and tooltips). */
  pointOf(tUs: number, row: number): { x: number; y: number };
  /** Scrolls the lanes so that a row is in sight. */
  revealRow(row: number): void;
  /** Width of the lane names' column. */
  labelWidth(): number;
  setLabelWidth(px: number): void;
  stats: PaintStats;
}

/**
 * The lane chart: labels in the DOM (as text), bars and marks on one canvas,
 * causal arrows in an SVG overlay, the axis above. Only rows in view are painted.
 */
export function createTimeline(chart: HTMLElement, container: HTMLElement, initial: Partial<TimelineOptions> = {}): TimelineView {
  let options: TimelineOptions = { ...DEFAULT_TIMELINE_OPTIONS, ...initial };
  let state: TimelineState | null = null;
  let lanesRowMap = new Map<number, number>();
  const stats: PaintStats = { lastPaintMs: 0, paints: 0 };

  const root = d3.select(container).append('div').attr('class', 'timeline');
  chart.style.setProperty('--label-width', `${options.labelWidth}px`);
  const axisRow = root.append('div').attr('class', 'axis-row');
  const axisCorner = axisRow.append('div').attr('class', 'axis-corner').text('time');
  const axisSvg = axisRow.append('svg').attr('class', 'axis-svg');
  const scroll = root.append('div').attr('class', 'lanes-scroll');
  const inner = scroll.append('div').attr('class', 'lanes-inner');
  // The plot takes the keyboard (keys.ts): it says so to assistive technology.
  const plot = inner
    .append('div')
    .attr('class', 'plot')
    .attr('tabindex', 0)
    .attr('role', 'application')
    .attr('aria-roledescription', 'timeline')
    .attr('aria-label', 'Timeline. ← → pan, + − zoom, 0 whole run, ] [ next and previous event, ↑ ↓ lane above and below, Enter first event in view, r summarize the window, f fill the window with the range or the selection\'s incident, m mark an instant (twice: measure), Esc clear.');
  const canvas = plot.append('canvas').attr('class', 'lanes-canvas');
  const overlay = plot.append('svg').attr('class', 'overlay');
  initOverlay(overlay);
  const labels = inner.append('div').attr('class', 'labels');

  const ctx = canvas.node()!.getContext('2d', { alpha: true })!;
  let frame = 0;

  function geometry(): { width: number; height: number } {
    const node = scroll.node()!;
    return { width: Math.max(50, node.clientWidth - options.labelWidth), height: Math.max(50, node.clientHeight) };
  }

  function paintNow(): number {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (!state) return 0;
    const started = performance.now();
    const { width, height } = geometry();
    const dpr = window.devicePixelRatio || 1;
    const el = canvas.node()!;
    if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
      el.width = Math.round(width * dpr);
      el.height = Math.round(height * dpr);
      el.style.width = `${width}px`;
      el.style.height = `${height}px`;
    }
    plot.style('height', `${height}px`).style('width', `${width}px`);
    const scrollTop = scroll.node()!.scrollTop;
    paintLanes(ctx, state.rows, state.domain, state.filter, { width, height, rowHeight: options.rowHeight, scrollTop, devicePixelRatio: dpr });
    drawOverlay(overlay, state.highlight, state.markers, state.range, state.domain, lanesRowMap, { width, height, rowHeight: options.rowHeight, scrollTop });
    drawAxis(axisSvg, axisCorner.node()!, state.domain, width, options.axisHeight);
    stats.lastPaintMs = performance.now() - started;
    stats.paints++;
    return stats.lastPaintMs;
  }

  function schedule(): void {
    if (!frame) frame = requestAnimationFrame(() => paintNow());
  }

  scroll.on('scroll', schedule);
  new ResizeObserver(schedule).observe(scroll.node()!);

  return {
    plot: plot.node()!,
    stats,
    paintNow,
    plotWidth: () => geometry().width,
    rowHeight: () => options.rowHeight,
    locate(clientX, clientY) {
      const rect = plot.node()!.getBoundingClientRect();
      const domain = state?.domain ?? { startUs: 0, endUs: 1 };
      const usPerPx = (domain.endUs - domain.startUs) / Math.max(1, rect.width);
      const y = clientY - rect.top + scroll.node()!.scrollTop;
      const row = Math.floor(y / options.rowHeight);
      return { tUs: domain.startUs + (clientX - rect.left) * usPerPx, row, usPerPx, yInRowPx: y - row * options.rowHeight };
    },
    pointOf(tUs, row) {
      const rect = plot.node()!.getBoundingClientRect();
      const domain = state?.domain ?? { startUs: 0, endUs: 1 };
      const x = rect.left + ((tUs - domain.startUs) / (domain.endUs - domain.startUs)) * rect.width;
      const y = rect.top + row * options.rowHeight + options.rowHeight / 2 - scroll.node()!.scrollTop;
      return { x, y };
    },
    labelWidth: () => options.labelWidth,
    setLabelWidth(px) {
      if (px === options.labelWidth) return;
      options = { ...options, labelWidth: px };
      chart.style.setProperty('--label-width', `${px}px`);
      if (state) drawLabels(labels, state.rows, options);
      schedule();
    },
    revealRow(row) {
      const node = scroll.node()!;
      const top = row * options.rowHeight;
      if (top < node.scrollTop || top + options.rowHeight > node.scrollTop + node.clientHeight) {
        node.scrollTop = Math.max(0, top - node.clientHeight / 2);
      }
    },
    update(next, partial) {
      if (partial) options = { ...options, ...partial };
      const rowsChanged = state?.rows !== next.rows;
      state = next;
      if (rowsChanged) {
        lanesRowMap = rowOfLane(next.rows);
        inner.style('height', `${next.rows.length * options.rowHeight}px`);
        drawLabels(labels, next.rows, options);
      }
      schedule();
    },
  };
}
