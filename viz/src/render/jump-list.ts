import * as d3 from 'd3';
import type { RecordRef } from '../layout/model.js';

export interface JumpItem {
  ref: RecordRef;
  text: string;
  /** Drawn apart: listed from the trace's summary, not from a record. */
  fromSummary?: boolean;
}

/** A titled list of records (violations, reboots); clicking one jumps to it. */
export function renderJumpList(container: HTMLElement, title: string, emptyText: string, items: readonly JumpItem[], onJump: (ref: RecordRef) => void): void {
  const root = d3.select(container);
  root.selectAll('*').remove();
  root.append('h3').text(items.length === 0 ? emptyText : `${title} (${items.length})`);
  if (items.length === 0) return;
  const list = root.append('ul').attr('class', 'jump-list');
  for (const item of items.slice(0, 500)) {
    list
      .append('li')
      .append('button')
      .attr('type', 'button')
      .attr('class', item.fromSummary ? 'jump-item from-summary' : 'jump-item')
      .attr('data-seq', item.ref.seq)
      .attr('data-trace', item.ref.traceIndex)
      .text(item.text)
      .on('click', () => onJump(item.ref));
  }
  if (items.length > 500) list.append('li').text(`… and ${items.length - 500} more`);
}
