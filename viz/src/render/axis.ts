import * as d3 from 'd3';
import { timeTicks } from '../layout/time-ticks.js';
import type { Domain } from '../layout/viewport.js';

/** Room one tick label needs ("3h 29min 17.35s" at 12 px), so labels never collide. */
const TICK_SPACING_PX = 110;

/**
 * Draws the time axis of the current window along the top of the plot, in
 * the unit that fits; what every label shares (the hour and minute of a
 * window seconds wide) is written once, in `corner`.
 */
export function drawAxis(svg: d3.Selection<SVGSVGElement, unknown, null, undefined>, corner: HTMLElement, domain: Domain, width: number, height: number): void {
  svg.attr('width', width).attr('height', height);
  const { ticks, labels, prefix } = timeTicks(domain.startUs, domain.endUs, Math.max(1, Math.floor(width / TICK_SPACING_PX)));
  const x = (us: number): number => ((us - domain.startUs) / (domain.endUs - domain.startUs)) * width;
  const items = svg
    .selectAll<SVGGElement, number>('g.tick')
    .data(ticks.map((t, i) => ({ t, label: labels[i]! })), (d) => String((d as { t: number }).t))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'tick');
      g.append('line').attr('y1', height - 6).attr('y2', height);
      g.append('text').attr('y', height - 9).attr('text-anchor', 'middle');
      return g;
    });
  items.attr('transform', (d) => `translate(${x(d.t)},0)`);
  items.select('text').text((d) => d.label);
  corner.textContent = prefix ? `time: ${prefix}` : 'time';
}
