import * as d3 from 'd3';
import { rowOfLane } from '../layout/filter.js';
import type { ViewFilter } from '../layout/filter.js';
import type { Row } from '../layout/model.js';
import { pinnedRowCount } from '../layout/pinned.js';
import type { Domain } from '../layout/viewport.js';
import type { RangeSelection } from '../layout/range-summary.js';
import { drawAxis } from './axis.js';
import { drawLabels } from './labels.js';
import { drawOverlay, initOverlay, type Highlight, type RowPlace, type TimeMarker } from './overlay.js';
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
  /** The plot of the scrolling lanes: it takes the keyboard focus. */
  plot: HTMLElement;
  /** Both plots, pinned and scrolling: each receives wheel, drag and click. */
  plots: readonly HTMLElement[];
  /** Converts a pointer position in either plot to (time, row index, height within the row). */
  locate(clientX: number, clientY: number): { tUs: number; row: number; usPerPx: number; yInRowPx: number };
  rowHeight(): number;
  /** How many rows at the top are pinned (layout/pinned.ts). */
  pinnedRows(): number;
  /** Client coordinates of (time, row) in the current view (for tests and tooltips). */
  pointOf(tUs: number, row: number): { x: number; y: number };
  /** Scrolls the lanes so that a row is in sight (a pinned row always is). */
  revealRow(row: number): void;
  /** Width of the lane names' column. */
  labelWidth(): number;
  setLabelWidth(px: number): void;
  stats: PaintStats;
}

type Div = d3.Selection<HTMLDivElement, unknown, null, undefined>;

/**
 * One band of rows: a scroll box holding the lane names (DOM text) and a
 * plot (a canvas) that stays in sight while the names scroll beside it.
 * The timeline has two: the pinned rows above, the scrolling lanes below.
 */
interface Band {
  scroll: Div;
  inner: Div;
  plot: Div;
  canvas: d3.Selection<HTMLCanvasElement, unknown, null, undefined>;
  ctx: CanvasRenderingContext2D;
  labels: Div;
  /** The band's rows: rows[first, first + rows.length) of the whole list. */
  first: number;
  rows: readonly Row[];
}

function createBand(parent: Div, bandClass: string, plotClass: string, canvasClass: string): Band {
  const scroll = parent.append('div').attr('class', `lanes-scroll ${bandClass}`);
  const inner = scroll.append('div').attr('class', 'lanes-inner');
  const plot = inner.append('div').attr('class', `band-plot ${plotClass}`);
  const canvas = plot.append('canvas').attr('class', canvasClass);
  const labels = inner.append('div').attr('class', 'labels');
  return { scroll, inner, plot, canvas, ctx: canvas.node()!.getContext('2d', { alpha: true })!, labels, first: 0, rows: [] };
}

/**
 * The lane chart: labels in the DOM (as text), bars and marks on canvases,
 * causal arrows in one SVG overlay over both bands, the axis above. The
 * counter tracks and the power lane are pinned above the component lanes,
 * which scroll. Only rows in view are painted.
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
  const pinned = createBand(root, 'lanes-pinned', 'pinned-plot', 'pinned-canvas');
  const lanes = createBand(root, 'lanes-scrolling', 'plot', 'lanes-canvas');
  const bands = [pinned, lanes] as const;
  // The plot takes the keyboard (keys.ts): it says so to assistive technology.
  lanes.plot
    .attr('tabindex', 0)
    .attr('role', 'application')
    .attr('aria-roledescription', 'timeline')
    .attr('aria-label', 'Timeline. ← → pan, + − zoom, 0 whole run, ] [ next and previous event, ↑ ↓ lane above and below, Enter first event in view, r summarize the window, f fill the window with the range or the selection\'s incident, m mark an instant (twice: measure), Esc clear.');
  // One overlay over both bands: an arrow from a component's crash to the reboot on the power lane crosses them.
  const overlay = root.append('svg').attr('class', 'overlay');
  initOverlay(overlay);

  let frame = 0;

  function bandOf(row: number): Band {
    return row < lanes.first ? pinned : lanes;
  }

  function geometry(): { width: number; height: number } {
    // Both plots share one time axis: as wide as the narrower band leaves (the scrolling one has a scrollbar).
    const client = Math.min(...bands.filter((b) => b.rows.length > 0).map((b) => b.scroll.node()!.clientWidth), lanes.scroll.node()!.clientWidth);
    return { width: Math.max(50, client - options.labelWidth), height: Math.max(50, lanes.scroll.node()!.clientHeight) };
  }

  function paintBand(band: Band, width: number, dpr: number): number {
    const height = band.rows.length === 0 ? 0 : band.scroll.node()!.clientHeight;
    const el = band.canvas.node()!;
    if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
      el.width = Math.round(width * dpr);
      el.height = Math.round(height * dpr);
      el.style.width = `${width}px`;
      el.style.height = `${height}px`;
    }
    band.plot.style('height', `${height}px`).style('width', `${width}px`);
    if (state && height > 0) {
      paintLanes(band.ctx, band.rows, state.domain, state.filter, { width, height, rowHeight: options.rowHeight, scrollTop: band.scroll.node()!.scrollTop, devicePixelRatio: dpr });
    }
    return height;
  }

  /** Where a row is in the overlay (bands: [top, height] in it): clamped to its band's edge when scrolled out of it. */
  function placeRow(row: number, pinnedBand: readonly [number, number], lanesBand: readonly [number, number]): RowPlace {
    const band = bandOf(row);
    const [bandTop, bandHeight] = band === pinned ? pinnedBand : lanesBand;
    const top = bandTop + (row - band.first) * options.rowHeight - band.scroll.node()!.scrollTop;
    const clamp = (y: number): number => Math.min(bandTop + bandHeight, Math.max(bandTop, y));
    return {
      top: clamp(top),
      bottom: clamp(top + options.rowHeight),
      middle: clamp(top + options.rowHeight / 2),
      shown: top >= bandTop - 1 && top + options.rowHeight <= bandTop + bandHeight + 1,
    };
  }

  function paintNow(): number {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (!state) return 0;
    const started = performance.now();
    const { width } = geometry();
    const dpr = window.devicePixelRatio || 1;
    const pinnedHeight = paintBand(pinned, width, dpr);
    const lanesHeight = paintBand(lanes, width, dpr);
    const plotTop = (pinned.rows.length > 0 ? pinned : lanes).scroll.node()!.offsetTop;
    // The scrolling lanes start below the pinned band and the border between them.
    const lanesTop = lanes.scroll.node()!.offsetTop - plotTop;
    overlay.style('left', `${options.labelWidth}px`).style('top', `${plotTop}px`);
    drawOverlay(overlay, state.highlight, state.markers, state.range, state.domain, lanesRowMap, {
      width,
      height: lanesTop + lanesHeight,
      placeRow: (row) => placeRow(row, [0, pinnedHeight], [lanesTop, lanesHeight]),
    });
    drawAxis(axisSvg, axisCorner.node()!, state.domain, width, options.axisHeight);
    stats.lastPaintMs = performance.now() - started;
    stats.paints++;
    return stats.lastPaintMs;
  }

  function schedule(): void {
    if (!frame) frame = requestAnimationFrame(() => paintNow());
  }

  const resized = new ResizeObserver(schedule);
  for (const band of bands) {
    band.scroll.on('scroll', schedule);
    resized.observe(band.scroll.node()!);
  }

  function locate(clientX: number, clientY: number): { tUs: number; row: number; usPerPx: number; yInRowPx: number } {
    // Above the scrolling lanes' top is the pinned band (or, with the pointer captured, above it).
    const lanesTop = lanes.plot.node()!.getBoundingClientRect().top;
    const band = clientY < lanesTop && pinned.rows.length > 0 ? pinned : lanes;
    const rect = band.plot.node()!.getBoundingClientRect();
    const domain = state?.domain ?? { startUs: 0, endUs: 1 };
    const usPerPx = (domain.endUs - domain.startUs) / Math.max(1, rect.width);
    const y = clientY - rect.top + band.scroll.node()!.scrollTop;
    const inBand = Math.floor(y / options.rowHeight);
    return { tUs: domain.startUs + (clientX - rect.left) * usPerPx, row: band.first + inBand, usPerPx, yInRowPx: y - inBand * options.rowHeight };
  }

  return {
    plot: lanes.plot.node()!,
    plots: bands.map((b) => b.plot.node()!),
    stats,
    paintNow,
    plotWidth: () => geometry().width,
    rowHeight: () => options.rowHeight,
    pinnedRows: () => lanes.first,
    locate,
    pointOf(tUs, row) {
      const band = bandOf(row);
      const rect = band.plot.node()!.getBoundingClientRect();
      const domain = state?.domain ?? { startUs: 0, endUs: 1 };
      const x = rect.left + ((tUs - domain.startUs) / (domain.endUs - domain.startUs)) * rect.width;
      const y = rect.top + (row - band.first) * options.rowHeight + options.rowHeight / 2 - band.scroll.node()!.scrollTop;
      return { x, y };
    },
    labelWidth: () => options.labelWidth,
    setLabelWidth(px) {
      if (px === options.labelWidth) return;
      options = { ...options, labelWidth: px };
      chart.style.setProperty('--label-width', `${px}px`);
      for (const band of bands) drawLabels(band.labels, band.rows, options);
      schedule();
    },
    revealRow(row) {
      const band = bandOf(row);
      const node = band.scroll.node()!;
      const top = (row - band.first) * options.rowHeight;
      if (top < node.scrollTop || top + options.rowHeight > node.scrollTop + node.clientHeight) {
        node.scrollTop = Math.max(0, top - node.clientHeight / 2);
      }
    },
    update(next, partial) {
      const tagsChanged = partial?.traceTags !== undefined && partial.traceTags.join() !== options.traceTags.join();
      if (partial) options = { ...options, ...partial };
      const rowsChanged = state?.rows !== next.rows;
      state = next;
      if (rowsChanged || tagsChanged) {
        lanesRowMap = rowOfLane(next.rows);
        const count = pinnedRowCount(next.rows);
        pinned.rows = next.rows.slice(0, count);
        lanes.rows = next.rows.slice(count);
        lanes.first = count;
        for (const band of bands) {
          band.inner.style('height', `${band.rows.length * options.rowHeight}px`);
          drawLabels(band.labels, band.rows, options);
        }
        pinned.scroll.style('height', `${pinned.rows.length * options.rowHeight}px`).style('display', pinned.rows.length > 0 ? '' : 'none');
      }
      schedule();
    },
  };
}
