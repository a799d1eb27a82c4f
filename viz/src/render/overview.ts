import * as d3 from 'd3';
import type { MarkKind } from '../layout/marks.js';
import type { TimelineModel } from '../layout/model.js';
import type { Domain } from '../layout/viewport.js';
import { STATE_COLORS, tickColor } from './palette.js';

export interface OverviewView {
  update(model: TimelineModel, domain: Domain): void;
}

const HEIGHT = 46;
/** Half the width of a violation's triangle on the overview. */
const VIOLATION_HALF_PX = 4;
/** Kinds ticked individually on the overview; the rest only count in the density. */
const TICKED: readonly MarkKind[] = ['fault', 'reboot', 'panic', 'violation'];

/**
 * The whole run in one strip: each trace's power state, a density of records
 * and ticks for faults, reboots, panics and violations, with a brush that
 * selects the window shown above.
 */
export function createOverview(container: HTMLElement, onBrush: (domain: Domain) => void): OverviewView {
  const root = d3.select(container).append('div').attr('class', 'overview');
  root.append('div').attr('class', 'overview-label').text('whole run');
  // Focusable so the window can be moved from the keyboard (keys.ts): ← → move it, + − resize it.
  const area = root
    .append('div')
    .attr('class', 'overview-area')
    .attr('tabindex', 0)
    .attr('role', 'group')
    .attr('aria-label', 'Whole run with the window shown below: drag to choose a window; ← → move it, + − resize it, 0 shows the whole run');
  const canvas = area.append('canvas');
  const svg = area.append('svg').attr('class', 'overview-brush');
  const brush = d3.brushX<unknown>();
  const brushG = svg.append('g').attr('class', 'brush');
  let current: { model: TimelineModel; domain: Domain } | null = null;
  let paintedFor: { model: TimelineModel; width: number } | null = null;

  brush.on('brush end', (event: d3.D3BrushEvent<unknown>) => {
    if (!event.sourceEvent || !current) return;
    const width = area.node()!.clientWidth;
    const { model } = current;
    const toUs = (px: number): number => model.startUs + (px / width) * (model.endUs - model.startUs);
    if (!event.selection) {
      placeBrush();
      return;
    }
    const [x0, x1] = event.selection as [number, number];
    onBrush({ startUs: toUs(x0), endUs: toUs(x1) });
  });

  function placeBrush(): void {
    if (!current) return;
    const width = area.node()!.clientWidth;
    const { model, domain } = current;
    const toPx = (us: number): number => ((us - model.startUs) / (model.endUs - model.startUs)) * width;
    svg.attr('width', width).attr('height', HEIGHT);
    brush.extent([
      [0, 0],
      [width, HEIGHT],
    ]);
    brushG.call(brush);
    // Showing the whole run: no selection, so a drag anywhere on the strip brushes a new window
    // (inside a selection, d3's brush would move it instead).
    const whole = domain.startUs <= model.startUs && domain.endUs >= model.endUs;
    brushG.call(brush.move, whole ? null : [toPx(domain.startUs), Math.max(toPx(domain.startUs) + 1, toPx(domain.endUs))]);
  }

  function paint(model: TimelineModel, width: number): void {
    const dpr = window.devicePixelRatio || 1;
    const el = canvas.node()!;
    el.width = Math.round(width * dpr);
    el.height = Math.round(HEIGHT * dpr);
    el.style.width = `${width}px`;
    el.style.height = `${HEIGHT}px`;
    const ctx = el.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    const x = (us: number): number => ((us - model.startUs) / (model.endUs - model.startUs)) * width;
    const systems = model.lanes.filter((l) => l.kind === 'system');
    const stripHeight = 8;
    systems.forEach((lane, i) => {
      for (const bar of lane.bars) {
        ctx.fillStyle = STATE_COLORS[bar.state] ?? '#ccc';
        ctx.fillRect(x(bar.startUs), i * stripHeight, Math.max(1, x(bar.endUs) - x(bar.startUs)), stripHeight - 1);
      }
    });
    const top = systems.length * stripHeight + 2;
    const columns = Math.max(1, Math.ceil(width));
    const density = new Float64Array(columns);
    // One flag per pixel column and ticked kind: a pass over every mark of the run, at first view too.
    const ticks = new Map<MarkKind, Uint8Array>(TICKED.map((k) => [k, new Uint8Array(columns)]));
    const usPerPx = (model.endUs - model.startUs) / width;
    for (const lane of model.lanes) {
      for (const mark of lane.marks) {
        const px = Math.min(columns - 1, Math.max(0, Math.floor((mark.t - model.startUs) / usPerPx)));
        density[px]! += mark.members.length;
        for (const member of mark.members) {
          const flags = ticks.get(member.kind);
          if (flags) flags[px] = 1;
        }
      }
    }
    const max = Math.max(1, ...density);
    const available = HEIGHT - top;
    ctx.fillStyle = '#9aa5b1';
    density.forEach((count, px) => {
      if (count === 0) return;
      const h = Math.max(1, (Math.log1p(count) / Math.log1p(max)) * (available - 6));
      ctx.fillRect(px, HEIGHT - h, 1, h);
    });
    for (const kind of TICKED) {
      if (kind === 'violation') continue;
      ctx.fillStyle = tickColor(kind);
      const flags = ticks.get(kind)!;
      for (let px = 0; px < columns; px++) if (flags[px]) ctx.fillRect(px, top, 1.5, 6);
    }
    // Violations last and larger: a triangle pointing down at the instant, outlined so it reads on any density.
    ctx.fillStyle = tickColor('violation');
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1;
    const violations = ticks.get('violation')!;
    for (let px = 0; px < columns; px++) {
      if (!violations[px]) continue;
      ctx.beginPath();
      ctx.moveTo(px + 0.5 - VIOLATION_HALF_PX, top);
      ctx.lineTo(px + 0.5 + VIOLATION_HALF_PX, top);
      ctx.lineTo(px + 0.5, top + 2 * VIOLATION_HALF_PX);
      ctx.closePath();
      ctx.stroke();
      ctx.fill();
    }
  }

  return {
    update(model, domain) {
      current = { model, domain };
      const width = area.node()!.clientWidth;
      if (!paintedFor || paintedFor.model !== model || paintedFor.width !== width) {
        paint(model, width);
        paintedFor = { model, width };
      }
      placeBrush();
    },
  };
}
