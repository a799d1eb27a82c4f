import * as d3 from 'd3';

/** Things a reader must not miss about what is shown (traces that disagree with themselves or each other). */
export function renderWarnings(container: HTMLElement, warnings: readonly string[]): void {
  const root = d3.select(container);
  root.selectAll('*').remove();
  container.hidden = warnings.length === 0;
  if (warnings.length === 0) return;
  const list = root.append('ul');
  for (const warning of warnings) list.append('li').text(`⚠ ${warning}`);
}
