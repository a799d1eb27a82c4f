import * as d3 from 'd3';
import { MARK_KINDS, MARK_LABELS, type MarkKind } from '../layout/marks.js';
import { HATCHED_STATES, INCIDENT_COLORS, INCIDENT_LEGEND, LIFECYCLE_LEGEND, MARK_STYLES, POWER_LEGEND, STATE_COLORS, markPath } from './palette.js';

/**
 * The legend: state colours of component and power lanes, and one toggle per
 * mark kind (unchecking hides that kind's records).
 */
export function renderLegend(container: HTMLElement, hiddenKinds: ReadonlySet<MarkKind>, onToggle: (kind: MarkKind, visible: boolean) => void): void {
  const root = d3.select(container);
  root.selectAll('*').remove();
  const swatches = (title: string, entries: readonly (readonly [string, string])[]): void => {
    const group = root.append('div').attr('class', 'legend-group');
    group.append('span').attr('class', 'legend-title').text(title);
    for (const [state, label] of entries) {
      const item = group.append('span').attr('class', 'legend-item');
      const color = STATE_COLORS[state as keyof typeof STATE_COLORS];
      const hatched = HATCHED_STATES.has(state as keyof typeof STATE_COLORS);
      item
        .append('span')
        .attr('class', 'swatch')
        .style('background', hatched ? `repeating-linear-gradient(135deg, ${color} 0 3px, rgba(255,255,255,.75) 3px 4.5px)` : color);
      item.append('span').text(label);
    }
  };
  swatches('component', LIFECYCLE_LEGEND);
  swatches('power', POWER_LEGEND);
  const incidents = root.append('div').attr('class', 'legend-group');
  incidents.append('span').attr('class', 'legend-title').text('incident');
  for (const [phase, label] of INCIDENT_LEGEND) {
    const item = incidents.append('span').attr('class', 'legend-item');
    item.append('span').attr('class', 'swatch swatch-strip').style('background', INCIDENT_COLORS[phase]);
    item.append('span').text(label);
  }
  const marks = root.append('div').attr('class', 'legend-group legend-marks');
  marks.append('span').attr('class', 'legend-title').text('marks');
  for (const kind of MARK_KINDS) {
    const style = MARK_STYLES[kind];
    const label = marks.append('label').attr('class', 'legend-item legend-mark').attr('data-kind', kind);
    label
      .append('input')
      .attr('type', 'checkbox')
      .property('checked', !hiddenKinds.has(kind))
      .on('change', function () {
        onToggle(kind, (this as HTMLInputElement).checked);
      });
    label
      .append('svg')
      .attr('width', 16)
      .attr('height', 16)
      .append('path')
      .attr('transform', 'translate(8,8)')
      .attr('d', markPath(kind))
      .attr('fill', style.stroked ? 'none' : style.color)
      .attr('stroke', style.outline ?? style.color)
      .attr('stroke-width', style.stroked ? 1.6 : style.outline ? 1.2 : 0.5);
    label.append('span').text(MARK_LABELS[kind]);
  }
}
