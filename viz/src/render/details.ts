import * as d3 from 'd3';
import { describeRecord } from '../layout/describe.js';
import { formatInstant } from '../layout/time-format.js';
import type { TraceRecord } from '../layout/trace-types.js';

export interface DetailsInput {
  /** "A" / "B" in compare mode, else "". */
  traceTag: string;
  record: TraceRecord;
  /** The record, its cause, ..., the root cause. */
  chain: readonly TraceRecord[];
  /** Records directly caused by this one. */
  effects: readonly TraceRecord[];
  /** Every record drawn at the same instant on the same lane (the record's mark), in causal order. */
  sameInstant: readonly TraceRecord[];
  /** For a violation: the record that broke the invariant. */
  blamed?: TraceRecord;
  /** The incident of the fault at the root of this record's chain, if a fault caused it. */
  incident?: { text: string; steps: readonly { label: string; seq: number }[] };
}

export interface DetailsActions {
  pick(seq: number): void;
  /** Frames the incident of the selected record. */
  frameIncident(): void;
}

function fieldText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The selected record: its fields, "why" (the causal chain from the root
 * fault down to it) and what it led to. Everything is set as text.
 */
export function renderDetails(panel: HTMLElement, input: DetailsInput | null, actions: DetailsActions): void {
  const onPick = actions.pick;
  const root = d3.select(panel);
  root.selectAll('*').remove();
  if (!input) {
    root.append('p').attr('class', 'hint').text('Click a mark or a bar to see what happened, and why.');
    return;
  }
  const { record, chain, effects, traceTag } = input;
  root.append('h2').attr('class', 'details-title').text(`${traceTag ? `[${traceTag}] ` : ''}${record.type} at ${formatInstant(record.t)}`);
  root.append('p').attr('class', 'details-summary').text(describeRecord(record));

  if (input.blamed) {
    const blamed = input.blamed;
    root.append('h3').text('Broke the invariant');
    root
      .append('p')
      .attr('class', 'blamed')
      .append('button')
      .attr('type', 'button')
      .attr('data-seq', blamed.seq)
      .text(`${formatInstant(blamed.t)}  ${describeRecord(blamed)}`)
      .on('click', () => onPick(blamed.seq));
  }

  // Records at one instant share one mark on the plot: this list is how each is reached.
  if (input.sameInstant.length > 1) {
    root.append('h3').text(`At this instant on this lane (${input.sameInstant.length})`);
    const list = root.append('ol').attr('class', 'same-instant');
    for (const other of input.sameInstant) {
      list
        .append('li')
        .classed('current', other === record)
        .append('button')
        .attr('type', 'button')
        .attr('class', 'same-instant-item')
        .attr('data-seq', other.seq)
        .attr('aria-current', other === record ? 'true' : null)
        .text(`${other.type}: ${describeRecord(other)}`)
        .on('click', () => onPick(other.seq));
    }
  }

  if (input.incident) {
    const box = root.append('div').attr('class', 'incident-box');
    box.append('h3').text('Incident');
    box.append('p').attr('class', 'incident-text').text(input.incident.text);
    const steps = box.append('ol').attr('class', 'incident-steps');
    for (const step of input.incident.steps) {
      steps
        .append('li')
        .classed('current', step.seq === record.seq)
        .append('button')
        .attr('type', 'button')
        .attr('class', 'incident-step')
        .attr('data-seq', step.seq)
        .text(step.label)
        .on('click', () => onPick(step.seq));
    }
    box.append('button').attr('type', 'button').attr('class', 'frame-incident').text('Show the whole incident').on('click', () => actions.frameIncident());
  }

  const table = root.append('table').attr('class', 'details-fields');
  for (const [key, value] of Object.entries(record)) {
    const tr = table.append('tr');
    tr.append('th').text(key);
    const td = tr.append('td');
    // Fields that name another record lead to it.
    if ((key === 'cause' || (key === 'record' && record.type === 'violation')) && typeof value === 'number') {
      td.append('button').attr('type', 'button').attr('class', 'seq-link').text(`seq ${value}`).on('click', () => onPick(value));
    } else {
      td.text(key === 't' ? `${fieldText(value)} µs (${formatInstant(value as number)})` : fieldText(value));
    }
  }

  root.append('h3').text(chain.length > 1 ? `Why: ${chain.length - 1} step${chain.length > 2 ? 's' : ''} back to the root cause` : 'Why: this is a root cause');
  const list = root.append('ol').attr('class', 'cause-chain');
  for (const step of [...chain].reverse()) {
    const li = list.append('li').attr('data-seq', step.seq).classed('current', step === record);
    li.append('button')
      .attr('type', 'button')
      .attr('class', 'chain-step')
      .attr('data-seq', step.seq)
      .text(`${formatInstant(step.t)}  ${describeRecord(step)}`)
      .on('click', () => onPick(step.seq));
  }

  if (effects.length > 0) {
    root.append('h3').text(`Led to (${effects.length})`);
    const effectList = root.append('ul').attr('class', 'effects');
    for (const effect of effects.slice(0, 50)) {
      effectList
        .append('li')
        .append('button')
        .attr('type', 'button')
        .attr('class', 'effect-step')
        .attr('data-seq', effect.seq)
        .text(`${formatInstant(effect.t)}  ${describeRecord(effect)}`)
        .on('click', () => onPick(effect.seq));
    }
    if (effects.length > 50) effectList.append('li').text(`… and ${effects.length - 50} more`);
  }
}
