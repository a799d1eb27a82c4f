import * as d3 from 'd3';
import { formatTick } from '../layout/time-format.js';
import type { Domain } from '../layout/viewport.js';

/** Draws the time axis of the current window along the top of the plot. */
export function drawAxis(svg: d3.Selection<SVGSVGElement, unknown, null, undefined>, domain: Domain, width: number, height: number): void {
  svg.attr('width', width).attr('height', height);
  const scale = d3.scaleLinear().domain([domain.startUs, domain.endUs]).range([0, width]);
  const count = Math.max(2, Math.floor(width / 100));
  const step = d3.tickStep(domain.startUs, domain.endUs, count);
  const axis = d3
    .axisTop(scale)
    .ticks(count)
    .tickSizeOuter(0)
    .tickFormat((d) => formatTick(d.valueOf(), step));
  let g = svg.select<SVGGElement>('g.axis');
  if (g.empty()) g = svg.append('g').attr('class', 'axis');
  g.attr('transform', `translate(0,${height - 1})`).call(axis);
}
