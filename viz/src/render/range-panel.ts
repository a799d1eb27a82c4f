import * as d3 from 'd3';
import type { RangeSummary } from '../layout/range-summary.js';
import { formatCount, formatInstant, formatSpan } from '../layout/time-format.js';

export interface RangeActions {
  zoom(): void;
  clear(): void;
}

/** The selected range: time per state, records per type and downtime inside it, per trace. */
export function renderRangePanel(container: HTMLElement, summaries: readonly RangeSummary[] | null, tags: readonly string[], actions: RangeActions): void {
  const root = d3.select(container);
  root.selectAll('*').remove();
  container.hidden = summaries === null;
  if (!summaries || summaries.length === 0) return;
  const { startUs, endUs } = summaries[0]!;
  const span = endUs - startUs;
  root.append('h3').text(`Range ${formatInstant(startUs)} – ${formatInstant(endUs)} (${formatSpan(span)})`);
  const buttons = root.append('div').attr('class', 'segmented');
  buttons.append('button').attr('type', 'button').attr('class', 'range-zoom').text('Zoom to it').on('click', () => actions.zoom());
  buttons.append('button').attr('type', 'button').attr('class', 'range-clear').text('Clear (Esc)').on('click', () => actions.clear());
  for (const s of summaries) {
    if (s.components === 0 && s.systemDownUs === null && s.counts.length === 0) continue;
    const box = root.append('div').attr('class', 'range-trace').attr('data-trace', s.traceIndex);
    const tag = tags[s.traceIndex];
    const down: string[] = [];
    if (s.systemDownUs !== null) down.push(`system not up ${formatSpan(s.systemDownUs)} (${((s.systemDownUs / Math.max(1, span)) * 100).toFixed(1)}%)`);
    if (s.components > 0) down.push(`${s.components} component${s.components === 1 ? '' : 's'} not running ${formatSpan(s.componentDownUs)} in all`);
    if (s.worst) down.push(`longest: ${s.worst.component} ${formatSpan(s.worst.downUs)}`);
    box.append('p').attr('class', 'range-downtime').text(`${tag ? `[${tag}] ` : ''}Downtime: ${down.join('; ') || 'none'}`);
    if (s.stateUs.length > 0) {
      const laneTime = s.stateUs.reduce((a, [, us]) => a + us, 0);
      const table = box.append('table').attr('class', 'range-states');
      for (const [state, us] of s.stateUs) {
        const tr = table.append('tr').attr('data-state', state);
        tr.append('th').text(state);
        tr.append('td').text(formatSpan(us));
        tr.append('td').text(`${((us / Math.max(1, laneTime)) * 100).toFixed(1)}%`);
      }
    }
    const counts = box.append('p').attr('class', 'range-counts');
    counts.text(s.counts.length === 0 ? 'No records.' : `Records: ${s.counts.map(([type, n]) => `${type} ${formatCount(n)}`).join(', ')}`);
  }
}
