import * as d3 from 'd3';
import type { Arrow } from '../layout/causes.js';
import type { Domain } from '../layout/viewport.js';
import type { RangeSelection } from '../layout/range-summary.js';

/** A labelled instant drawn across every lane (where compared runs part). */
export interface TimeMarker {
  t: number;
  label: string;
}

export interface Highlight {
  /** Cause -> effect arrows along the selected record's chain. */
  arrows: readonly Arrow[];
  /** (t, lane) of every record in the chain; the first is the selected one. */
  points: readonly { seq: number; t: number; lane: number }[];
}

/** Where a row is in the overlay, in px from its top; a row scrolled out of its band is held at the band's edge. */
export interface RowPlace {
  top: number;
  bottom: number;
  middle: number;
  /** Whether the row is in sight (not scrolled out of its band). */
  shown: boolean;
}

export interface OverlayGeometry {
  width: number;
  height: number;
  /** Rows are in two bands (pinned, scrolling): the timeline says where each is. */
  placeRow(row: number): RowPlace;
}

/** Creates the arrowhead marker once per overlay SVG. */
export function initOverlay(svg: d3.Selection<SVGSVGElement, unknown, null, undefined>): void {
  svg
    .append('defs')
    .append('marker')
    .attr('id', 'cause-arrowhead')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0 L10,5 L0,10 z')
    .attr('fill', '#d81b60');
  svg.append('g').attr('class', 'range-band');
  svg.append('g').attr('class', 'time-markers');
  svg.append('g').attr('class', 'cause-arrows');
  svg.append('g').attr('class', 'cause-points');
}

/** Draws the causal chain of the selection: rings on its records, arrows from each cause to its effect. */
export function drawOverlay(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  highlight: Highlight | null,
  markers: readonly TimeMarker[],
  range: RangeSelection | null,
  domain: Domain,
  rowOfLane: ReadonlyMap<number, number>,
  g: OverlayGeometry,
): void {
  svg.attr('width', g.width).attr('height', g.height);
  const x = (us: number): number => ((us - domain.startUs) / (domain.endUs - domain.startUs)) * g.width;
  const place = (lane: number): RowPlace | undefined => {
    const row = rowOfLane.get(lane);
    return row === undefined ? undefined : g.placeRow(row);
  };
  // An arrow to a lane scrolled out of sight ends at the edge of the lanes, pointing the way.
  const y = (lane: number): number | undefined => place(lane)?.middle;
  // The range: a band over the rows of its lanes (the whole height when none of them is shown).
  const rangeRows = range ? range.lanes.flatMap((lane) => rowOfLane.get(lane) ?? []) : [];
  const band = range
    ? [{
        x0: x(Math.min(range.startUs, range.endUs)),
        x1: x(Math.max(range.startUs, range.endUs)),
        y0: rangeRows.length ? g.placeRow(Math.min(...rangeRows)).top : 0,
        y1: rangeRows.length ? g.placeRow(Math.max(...rangeRows)).bottom : g.height,
      }]
    : [];
  svg
    .select<SVGGElement>('g.range-band')
    .selectAll<SVGRectElement, (typeof band)[number]>('rect')
    .data(band)
    .join('rect')
    .attr('class', 'range-rect')
    .attr('x', (b) => b.x0)
    .attr('width', (b) => Math.max(1, b.x1 - b.x0))
    .attr('y', (b) => b.y0)
    .attr('height', (b) => Math.max(1, b.y1 - b.y0));
  const shown = markers.filter((m) => m.t >= domain.startUs && m.t <= domain.endUs);
  const marker = svg
    .select<SVGGElement>('g.time-markers')
    .selectAll<SVGGElement, TimeMarker>('g.time-marker')
    .data(shown, (m) => `${m.t}:${m.label}`)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'time-marker');
      g.append('line').attr('y1', 0);
      g.append('text').attr('y', 14).attr('x', 4);
      return g;
    });
  marker.attr('transform', (m) => `translate(${x(m.t)},0)`);
  marker.select('line').attr('y2', g.height);
  marker.select('text').text((m) => m.label);
  const arrows = (highlight?.arrows ?? []).flatMap((a) => {
    const y0 = y(a.fromLane);
    const y1 = y(a.toLane);
    if (y0 === undefined || y1 === undefined) return [];
    const x0 = x(a.fromUs);
    const x1 = x(a.toUs);
    // Same lane: bow upwards so consecutive steps stay visible; else a gentle S-curve.
    const d =
      y0 === y1
        ? `M${x0},${y0} C${x0},${y0 - 14} ${x1},${y1 - 14} ${x1},${y1}`
        : `M${x0},${y0} C${x0 + 24},${y0} ${x1 - 24},${y1} ${x1},${y1}`;
    return [{ key: `${a.fromSeq}>${a.toSeq}`, d, from: a.fromSeq, to: a.toSeq }];
  });
  svg
    .select<SVGGElement>('g.cause-arrows')
    .selectAll<SVGPathElement, (typeof arrows)[number]>('path')
    .data(arrows, (a) => a.key)
    .join('path')
    .attr('class', 'cause-arrow')
    .attr('data-from', (a) => a.from)
    .attr('data-to', (a) => a.to)
    .attr('d', (a) => a.d)
    .attr('marker-end', 'url(#cause-arrowhead)');
  const points = (highlight?.points ?? []).flatMap((p, i) => {
    const at = place(p.lane);
    return at === undefined || !at.shown ? [] : [{ seq: p.seq, cx: x(p.t), cy: at.middle, selected: i === 0 }];
  });
  svg
    .select<SVGGElement>('g.cause-points')
    .selectAll<SVGCircleElement, (typeof points)[number]>('circle')
    .data(points, (p) => p.seq)
    .join('circle')
    .attr('class', (p) => (p.selected ? 'chain-point selected' : 'chain-point'))
    .attr('data-seq', (p) => p.seq)
    .attr('cx', (p) => p.cx)
    .attr('cy', (p) => p.cy)
    .attr('r', (p) => (p.selected ? 10 : 8));
}
