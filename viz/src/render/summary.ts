import * as d3 from 'd3';
import { formatBytes } from '../../../sim/format/format-bytes.js';
import type { IndexedTrace } from '../layout/model.js';
import { policyName } from '../layout/policy-name.js';
import { formatCount, formatInstant } from '../layout/time-format.js';

/** The headline facts of one trace; a trace without a summary (or a seed) simply has fewer. */
export function summaryFacts(trace: Pick<IndexedTrace, 'name' | 'file'>): string[] {
  const s = trace.file.summary;
  const seed = trace.file.seed ?? s?.seed;
  // Named by its policy (what a comparison varies), not by the file it came from.
  const facts = [`policy ${policyName(trace.file)}`];
  if (typeof seed === 'number') facts.push(`seed ${seed}`);
  if (s) {
    facts.push(
      `${s.outcome} at ${formatInstant(s.endUs)}`,
      `reboots ${s.reboots.graceful} graceful / ${s.reboots.ungraceful} ungraceful`,
      `restarts ${formatCount(s.restarts.total)}`,
      `lost ${formatCount(s.lostRequests)} requests, ${formatBytes(s.lostDataBytes)}`,
      `violations ${s.violations.length}`,
    );
    // Traces written before availability and up were recorded have neither figure.
    if (typeof s.availability === 'number' && typeof s.up === 'number') facts.push(`available ${(s.availability * 100).toFixed(2)}% (up ${(s.up * 100).toFixed(2)}%)`);
  }
  facts.push(`${formatCount(trace.file.records.length)} records from ${trace.name}`);
  return facts;
}

/** One line per loaded trace: scenario, seed, outcome and the headline numbers. */
export function renderSummary(container: HTMLElement, traces: readonly IndexedTrace[], tags: readonly string[]): void {
  const root = d3.select(container);
  root.selectAll('*').remove();
  traces.forEach((trace, i) => {
    const line = root.append('div').attr('class', 'summary-line');
    if (tags[i]) line.append('span').attr('class', 'tag').text(tags[i]!);
    line.append('span').attr('class', 'summary-name').text(trace.file.summary?.scenario ?? trace.name);
    line.append('span').attr('class', 'summary-facts').text(summaryFacts(trace).join(' · '));
  });
}
