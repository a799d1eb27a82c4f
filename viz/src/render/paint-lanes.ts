import { MARK_KINDS, type MarkKind } from '../layout/marks.js';
import { markVisible, type ViewFilter } from '../layout/filter.js';
import type { Lane, Row } from '../layout/model.js';
import { lowerBound } from '../layout/sorted.js';
import type { Domain } from '../layout/viewport.js';
import { MARK_STYLES, STATE_COLORS, markPath } from './palette.js';

export interface LaneGeometry {
  /** CSS pixels. */
  width: number;
  height: number;
  rowHeight: number;
  scrollTop: number;
  devicePixelRatio: number;
}

const paths = new Map<MarkKind, Path2D>();
function pathOf(kind: MarkKind): Path2D {
  let path = paths.get(kind);
  if (!path) paths.set(kind, (path = new Path2D(markPath(kind))));
  return path;
}

/** Draws a lane's bars in view, merging bars narrower than a pixel so dense lanes cost O(width). */
function paintBars(ctx: CanvasRenderingContext2D, lane: Lane, domain: Domain, xOf: (us: number) => number, y: number, h: number, width: number): void {
  const bars = lane.bars;
  let lastPixel = -1;
  for (let i = lowerBound(bars, domain.startUs, (b) => b.endUs); i < bars.length; i++) {
    const bar = bars[i]!;
    if (bar.startUs >= domain.endUs) break;
    const x0 = Math.max(0, xOf(bar.startUs));
    const x1 = Math.min(width, xOf(bar.endUs));
    if (x1 - x0 < 1) {
      const pixel = Math.floor(x0);
      if (pixel === lastPixel) continue;
      lastPixel = pixel;
      ctx.fillStyle = STATE_COLORS[bar.state] ?? '#ccc';
      ctx.fillRect(pixel, y, 1, h);
      continue;
    }
    ctx.fillStyle = STATE_COLORS[bar.state] ?? '#ccc';
    ctx.fillRect(x0, y, x1 - x0, h);
    lastPixel = Math.floor(x1);
  }
}

/** Draws a lane's marks in view, at most one per kind per pixel column. */
function paintMarks(ctx: CanvasRenderingContext2D, lane: Lane, domain: Domain, xOf: (us: number) => number, yMid: number, filter: ViewFilter, spanUsPerPx: number): void {
  const marks = lane.marks;
  const lastPixel = new Map<MarkKind, number>();
  const pad = 8 * spanUsPerPx;
  const byKind = new Map<MarkKind, number[]>();
  for (let i = lowerBound(marks, domain.startUs - pad, (m) => m.t); i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark.t > domain.endUs + pad) break;
    if (!markVisible(mark, filter)) continue;
    const px = Math.round(xOf(mark.t));
    if (lastPixel.get(mark.kind) === px) continue;
    lastPixel.set(mark.kind, px);
    let list = byKind.get(mark.kind);
    if (!list) byKind.set(mark.kind, (list = []));
    list.push(px);
  }
  // Least important kinds first so faults and violations end up on top.
  for (let k = MARK_KINDS.length - 1; k >= 0; k--) {
    const kind = MARK_KINDS[k]!;
    const xs = byKind.get(kind);
    if (!xs) continue;
    const style = MARK_STYLES[kind];
    const path = pathOf(kind);
    ctx.fillStyle = style.color;
    ctx.strokeStyle = style.color;
    ctx.lineWidth = style.stroked ? 1.6 : 0.8;
    for (const px of xs) {
      ctx.translate(px, yMid);
      if (style.stroked) ctx.stroke(path);
      else {
        ctx.fill(path);
        ctx.strokeStyle = '#ffffff';
        ctx.stroke(path);
        ctx.strokeStyle = style.color;
      }
      ctx.translate(-px, -yMid);
    }
  }
}

/** Paints the rows in view: group bands, state bars and marks. */
export function paintLanes(ctx: CanvasRenderingContext2D, rows: readonly Row[], domain: Domain, filter: ViewFilter, g: LaneGeometry): void {
  const { width, height, rowHeight, scrollTop } = g;
  ctx.setTransform(g.devicePixelRatio, 0, 0, g.devicePixelRatio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const usPerPx = (domain.endUs - domain.startUs) / width;
  const xOf = (us: number): number => (us - domain.startUs) / usPerPx;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight));
  const last = Math.min(rows.length - 1, Math.ceil((scrollTop + height) / rowHeight));
  for (let r = first; r <= last; r++) {
    const row = rows[r]!;
    const y = r * rowHeight - scrollTop;
    if (row.kind === 'group') {
      ctx.fillStyle = '#f3f4f6';
      ctx.fillRect(0, y, width, rowHeight);
      ctx.fillStyle = '#d1d5db';
      ctx.fillRect(0, y + rowHeight - 1, width, 1);
      continue;
    }
    const barTop = y + 3;
    const barHeight = rowHeight - 6;
    paintBars(ctx, row.lane, domain, xOf, barTop, barHeight, width);
    paintMarks(ctx, row.lane, domain, xOf, y + rowHeight / 2, filter, usPerPx);
  }
}
