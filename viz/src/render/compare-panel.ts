import * as d3 from 'd3';
import type { DeltaRow } from '../layout/deltas.js';
import type { RecordRef } from '../layout/model.js';

export interface CompareView {
  /** Each side's policy (the preset it ran under), A's first. */
  names: readonly [string, string];
  /** Who did better, in words (sim/compare/verdict.ts). */
  verdict: string;
  winner: 'A' | 'B' | null;
  /** "policies differ for 5 of 8 components" when only some differ, or null. */
  policies: string | null;
  rows: readonly DeltaRow[];
  /** The first difference between the runs, or null when they are the same run. */
  divergence: { text: string; a?: { ref: RecordRef; text: string }; b?: { ref: RecordRef; text: string } } | null;
}

/**
 * Compare mode's verdict: A and B's totals side by side with B − A and which
 * did better (said in words, not only in colour), and where the runs part.
 */
export function renderComparePanel(container: HTMLElement, view: CompareView | null, onJump: (ref: RecordRef) => void): void {
  const root = d3.select(container);
  root.selectAll('*').remove();
  container.hidden = view === null;
  if (!view) return;
  const title = root.append('h3').attr('class', 'compare-title');
  view.names.forEach((name, i) => {
    if (i > 0) title.append('span').attr('class', 'vs').text(' vs ');
    title.append('span').attr('class', `side side-${'AB'[i]}`).text(`${'AB'[i]}: ${name}`);
  });
  root
    .append('p')
    .attr('class', view.winner ? `verdict verdict-${view.winner}` : 'verdict verdict-none')
    .text(view.verdict);
  if (view.policies) root.append('p').attr('class', 'panel-note').text(view.policies);
  // A narrow panel scrolls the table sideways rather than wrapping its figures a letter per line.
  const table = root.append('div').attr('class', 'delta-scroll').append('table').attr('class', 'delta-table');
  const head = table.append('thead').append('tr');
  for (const label of ['', 'A', 'B', 'B − A', 'better']) {
    const th = head.append('th').attr('scope', 'col').text(label);
    if (label === 'A' || label === 'B') th.attr('title', view.names[label === 'A' ? 0 : 1]);
  }
  const body = table.append('tbody');
  for (const row of view.rows) {
    const tr = body.append('tr').attr('data-metric', row.key);
    tr.append('th').attr('scope', 'row').text(row.label);
    tr.append('td').classed('won', row.better === 'A').text(row.a);
    tr.append('td').classed('won', row.better === 'B').text(row.b);
    tr.append('td').attr('class', 'delta').text(row.delta);
    tr.append('td')
      .attr('class', row.better ? `better better-${row.better}` : 'better')
      .text(row.better ?? (row.delta ? 'same' : ''));
  }
  const div = root.append('div').attr('class', 'divergence');
  if (!view.divergence) {
    div.append('p').text('A and B are the same run, record for record.');
    return;
  }
  div.append('p').attr('class', 'divergence-text').text(view.divergence.text);
  for (const side of ['a', 'b'] as const) {
    const item = view.divergence[side];
    if (!item) continue;
    div
      .append('button')
      .attr('type', 'button')
      .attr('class', `divergence-${side}`)
      .text(item.text)
      .on('click', () => onJump(item.ref));
  }
}
