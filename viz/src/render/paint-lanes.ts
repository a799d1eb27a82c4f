import { MARK_KINDS, MARKS_BY_RANK, type MarkKind } from '../layout/marks.js';
import { topVisibleMember, visibleCount } from '../layout/coincident.js';
import { memberVisible, type ViewFilter } from '../layout/filter.js';
import type { BarState, Lane, MarkMember, Row } from '../layout/model.js';
import { columnRange } from '../layout/counters.js';
import { incidentPhases } from '../layout/incidents.js';
import { forIncidentsIn } from '../layout/lane-incidents.js';
import { lowerBound } from '../layout/sorted.js';
import type { Domain } from '../layout/viewport.js';
import { HATCHED_STATES, INCIDENT_COLORS, STATE_COLORS, TRACE_COLORS, tickColor } from './palette.js';
import { markSprite, SPRITE_CSS_PX } from './sprites.js';

export interface LaneGeometry {
  /** CSS pixels. */
  width: number;
  height: number;
  rowHeight: number;
  scrollTop: number;
  devicePixelRatio: number;
}

const STATES = Object.keys(STATE_COLORS) as BarState[];
const STATE_INDEX = new Map(STATES.map((s, i) => [s, i]));
const KIND_INDEX = new Map(MARK_KINDS.map((k, i) => [k, i]));
/** Kinds drawn as symbols even on a dense lane. */
const ALWAYS_SYMBOLS: ReadonlySet<MarkKind> = new Set<MarkKind>(['violation', 'fault']);
/** Above this many marks per pixel of width a lane's marks are drawn as ticks, not symbols. */
const DENSE_MARKS_PER_PX = 1 / 6;
const SCRATCH = {
  lastPixel: new Int32Array(MARK_KINDS.length),
  xs: MARK_KINDS.map((): number[] => []),
  stacks: [] as { px: number; count: number }[],
};
/** The count beside a mark of several records: the viewer's smallest text is 12 px. */
const STACK_FONT_PX = 12;

const hatches = new WeakMap<CanvasRenderingContext2D, CanvasPattern>();

/** Light diagonal stripes: a state that must read without its colour (failed, panic). */
function hatch(ctx: CanvasRenderingContext2D): CanvasPattern {
  let pattern = hatches.get(ctx);
  if (!pattern) {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 6;
    const t = tile.getContext('2d')!;
    t.strokeStyle = 'rgba(255,255,255,.7)';
    t.lineWidth = 1.5;
    t.beginPath();
    t.moveTo(-1, 7);
    t.lineTo(7, -1);
    t.stroke();
    pattern = ctx.createPattern(tile, 'repeat')!;
    hatches.set(ctx, pattern);
  }
  return pattern;
}

/**
 * Paints a lane's bars in view as runs of pixel columns: a column covered by
 * several bars takes the state that covers most of it, and neighbouring
 * columns of one state become one rectangle. The cost is bounded by the
 * bars in view plus the width, however dense the lane.
 */
function paintBars(ctx: CanvasRenderingContext2D, lane: Lane, domain: Domain, xOf: (us: number) => number, y: number, h: number, width: number): void {
  const bars = lane.bars;
  const share = new Float64Array(STATES.length);
  let column = -1;
  let runState = -1;
  let runStart = 0;
  let runEnd = 0;
  const drawRun = (): void => {
    if (runState < 0) return;
    const state = STATES[runState]!;
    ctx.fillStyle = STATE_COLORS[state];
    ctx.fillRect(runStart, y, runEnd - runStart, h);
    if (HATCHED_STATES.has(state)) {
      ctx.fillStyle = hatch(ctx);
      ctx.fillRect(runStart, y, runEnd - runStart, h);
    }
  };
  const emit = (from: number, to: number, state: number): void => {
    if (state === runState && from === runEnd) {
      runEnd = to;
      return;
    }
    drawRun();
    [runState, runStart, runEnd] = [state, from, to];
  };
  const finishColumn = (): void => {
    if (column < 0) return;
    let best = 0;
    for (let s = 1; s < share.length; s++) if (share[s]! > share[best]!) best = s;
    share.fill(0);
    emit(column, column + 1, best);
    column = -1;
  };
  for (let i = lowerBound(bars, domain.startUs, (b) => b.endUs); i < bars.length; i++) {
    const bar = bars[i]!;
    if (bar.startUs >= domain.endUs) break;
    const x0 = Math.max(0, xOf(bar.startUs));
    const x1 = Math.min(width, xOf(bar.endUs));
    if (x1 <= x0) continue;
    const state = STATE_INDEX.get(bar.state) ?? 0;
    const c0 = Math.floor(x0);
    if (c0 !== column) {
      finishColumn();
      column = c0;
    }
    const firstEnd = Math.min(x1, c0 + 1);
    share[state]! += firstEnd - x0;
    if (firstEnd >= x1) continue;
    finishColumn();
    const full = Math.floor(x1);
    if (full > firstEnd) emit(firstEnd, full, state);
    if (x1 > full) {
      column = full;
      share[state]! += x1 - full;
    }
  }
  finishColumn();
  drawRun();
}

/**
 * Paints a lane's marks in view, at most one per kind per pixel column:
 * symbols where there is room, short ticks (one path per kind) where the
 * lane is too dense for symbols to be told apart. A mark standing for
 * several records at one instant shows how many beside its symbol.
 */
function paintMarks(ctx: CanvasRenderingContext2D, lane: Lane, domain: Domain, xOf: (us: number) => number, y: number, rowHeight: number, filter: ViewFilter, usPerPx: number, width: number, dpr: number): void {
  const marks = lane.marks;
  const pad = (SPRITE_CSS_PX / 2) * usPerPx;
  // Scratch reused across lanes and frames: a pan repaints every lane, and garbage makes frames stutter.
  const lastPixel = SCRATCH.lastPixel.fill(-1);
  const xs = SCRATCH.xs;
  for (const list of xs) list.length = 0;
  const stacks = SCRATCH.stacks;
  stacks.length = 0;
  let count = 0;
  const filtering = filter.hiddenTypes.size > 0;
  const visible = (m: MarkMember): boolean => memberVisible(m, filter);
  for (let i = lowerBound(marks, domain.startUs - pad, (m) => m.t); i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark.t > domain.endUs + pad) break;
    const top = filtering ? topVisibleMember(mark, visible) : mark;
    if (!top) continue;
    const kind = KIND_INDEX.get(top.kind)!;
    const px = Math.round(xOf(mark.t));
    if (mark.members.length > 1) {
      const n = filtering ? visibleCount(mark, visible) : mark.members.length;
      if (n > 1) stacks.push({ px, count: n });
    }
    if (lastPixel[kind] === px) continue;
    lastPixel[kind] = px;
    xs[kind]!.push(px);
    count++;
  }
  if (count === 0) return;
  const dense = count > width * DENSE_MARKS_PER_PX;
  // Least important kinds first so violations and faults end up on top.
  for (let r = MARKS_BY_RANK.length - 1; r >= 0; r--) {
    const kind: MarkKind = MARKS_BY_RANK[r]!;
    const list = xs[KIND_INDEX.get(kind)!]!;
    if (list.length === 0) continue;
    if (dense && !ALWAYS_SYMBOLS.has(kind)) {
      ctx.fillStyle = tickColor(kind);
      ctx.beginPath();
      for (const px of list) ctx.rect(px, y + 2, 1, rowHeight - 4);
      ctx.fill();
    } else if (dense) {
      // Faults and violations keep their symbol on a dense lane (one per symbol's width), so a
      // dense lane never reads as "no faults here" beside a sparse one showing stars.
      const sprite = markSprite(kind, dpr);
      const half = SPRITE_CSS_PX / 2;
      let lastPx = -Infinity;
      for (const px of list) {
        if (px - lastPx < SPRITE_CSS_PX) continue;
        lastPx = px;
        ctx.drawImage(sprite, px - half, y + rowHeight / 2 - half, SPRITE_CSS_PX, SPRITE_CSS_PX);
      }
    } else {
      const sprite = markSprite(kind, dpr);
      const half = SPRITE_CSS_PX / 2;
      for (const px of list) ctx.drawImage(sprite, px - half, y + rowHeight / 2 - half, SPRITE_CSS_PX, SPRITE_CSS_PX);
    }
  }
  if (!dense && stacks.length > 0) paintStackCounts(ctx, stacks, y, rowHeight);
}

/** "3" beside a mark that stands for three records: white-haloed so it reads on any bar. */
function paintStackCounts(ctx: CanvasRenderingContext2D, stacks: readonly { px: number; count: number }[], y: number, rowHeight: number): void {
  ctx.font = `bold ${STACK_FONT_PX}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#111827';
  let lastRight = -Infinity;
  for (const { px, count } of stacks) {
    const x = px + SPRITE_CSS_PX / 2 - 3;
    if (x < lastRight) continue;
    const text = String(count);
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
    lastRight = x + ctx.measureText(text).width + 2;
  }
}

/** An incident is never drawn narrower than this, so a 3 s outage still shows in a day-long view. */
const INCIDENT_MIN_PX = 3;
/** Height of the incident strip along the bottom of a lane. */
export const INCIDENT_STRIP_PX = 5;

/** Paints a lane's incidents in view as strips of their phases along the bottom of the row. */
function paintIncidents(ctx: CanvasRenderingContext2D, lane: Lane, domain: Domain, xOf: (us: number) => number, y: number, width: number): void {
  let paintedTo = -Infinity;
  forIncidentsIn(lane, domain.startUs, domain.endUs, (incident) => {
    const x0 = Math.max(-1, xOf(incident.startUs));
    const x1 = Math.min(width + 1, Math.max(xOf(incident.endUs), x0 + INCIDENT_MIN_PX));
    if (x1 <= paintedTo) return;
    const phases = incidentPhases(incident);
    if (x1 - x0 <= INCIDENT_MIN_PX || phases.length === 0) {
      // Too short to show its phases: one block of the colour of its longest.
      const longest = phases.reduce((a, b) => (b.endUs - b.startUs > a.endUs - a.startUs ? b : a), phases[0] ?? { phase: 'recovering' as const, startUs: 0, endUs: 0 });
      ctx.fillStyle = INCIDENT_COLORS[longest.phase];
      ctx.fillRect(x0, y, x1 - x0, INCIDENT_STRIP_PX);
    } else {
      for (const p of phases) {
        const p0 = Math.max(x0, xOf(p.startUs));
        const p1 = Math.min(x1, Math.max(xOf(p.endUs), p0 + 1));
        ctx.fillStyle = INCIDENT_COLORS[p.phase];
        ctx.fillRect(p0, y, p1 - p0, INCIDENT_STRIP_PX);
      }
    }
    // An outline so the light late phases read on white, and back-to-back incidents stay apart.
    ctx.strokeStyle = INCIDENT_COLORS.detecting;
    ctx.lineWidth = 1;
    ctx.strokeRect(Math.round(x0) + 0.5, y + 0.5, Math.max(1, Math.round(x1 - x0) - 1), INCIDENT_STRIP_PX - 1);
    paintedTo = x1;
  });
}

let columns: { min: Float64Array; max: Float64Array } | null = null;

/** Buffers for one row's column ranges, kept between frames. */
function columnScratch(width: number): { min: Float64Array; max: Float64Array } {
  if (!columns || columns.min.length !== width) columns = { min: new Float64Array(width), max: new Float64Array(width) };
  return columns;
}

/**
 * A counter row: each trace's step series as a line (the lowest and highest
 * value in each pixel column, so a dip shorter than a pixel still shows),
 * the first trace's also filled below. Compared traces overlay on one scale.
 */
function paintCounter(ctx: CanvasRenderingContext2D, row: Extract<Row, { kind: 'counter' }>, domain: Domain, y: number, rowHeight: number, width: number): void {
  const top = y + 3;
  const h = rowHeight - 6;
  const yOf = (v: number): number => top + h - (v / Math.max(1, row.max)) * h;
  const columns = Math.max(1, Math.ceil(width));
  ctx.fillStyle = '#e5e7eb';
  ctx.fillRect(0, top + h, width, 1);
  row.tracks.forEach((track, i) => {
    const { min, max } = columnRange(track.series, domain.startUs, domain.endUs, track.endUs, columns, columnScratch(columns));
    const color = TRACE_COLORS[i % TRACE_COLORS.length]!;
    if (i === 0) {
      ctx.fillStyle = `${color}40`;
      ctx.beginPath();
      for (let c = 0; c < columns; c++) if (!Number.isNaN(min[c]!)) ctx.rect(c, yOf(min[c]!), 1, top + h - yOf(min[c]!));
      ctx.fill();
    }
    // A step falls inside one column, whose range then holds both levels: the rects join up.
    ctx.fillStyle = color;
    ctx.beginPath();
    for (let c = 0; c < columns; c++) {
      if (Number.isNaN(min[c]!)) continue;
      const y0 = yOf(max[c]!);
      ctx.rect(c, y0 - 1, 1, Math.max(2, yOf(min[c]!) - y0 + 1));
    }
    ctx.fill();
  });
}

/** Hatches a lane after its run ended: a shorter run B is shown to stop, not to sit in some state. */
function paintAfterEnd(ctx: CanvasRenderingContext2D, lane: Lane, domain: Domain, xOf: (us: number) => number, y: number, rowHeight: number, width: number): void {
  const endUs = lane.bars[lane.bars.length - 1]?.endUs;
  if (endUs === undefined || endUs >= domain.endUs) return;
  const x0 = Math.max(0, xOf(endUs));
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, y + 1, width - x0, rowHeight - 2);
  ctx.clip();
  ctx.strokeStyle = '#c5cad3';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = x0 - rowHeight; x < width; x += 6) {
    ctx.moveTo(x, y + rowHeight);
    ctx.lineTo(x + rowHeight, y);
  }
  ctx.stroke();
  ctx.restore();
}

/** Paints the rows in view: group bands, counter tracks, state bars, incidents and marks. */
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
    if (row.kind === 'counter') {
      paintCounter(ctx, row, domain, y, rowHeight, width);
      continue;
    }
    paintBars(ctx, row.lane, domain, xOf, y + 2, rowHeight - INCIDENT_STRIP_PX - 4, width);
    paintAfterEnd(ctx, row.lane, domain, xOf, y, rowHeight, width);
    paintMarks(ctx, row.lane, domain, xOf, y, rowHeight, filter, usPerPx, width, g.devicePixelRatio);
    // After the marks: a short outage's strip must not hide under the fault's symbol.
    paintIncidents(ctx, row.lane, domain, xOf, y + rowHeight - INCIDENT_STRIP_PX - 1, width);
  }
}
