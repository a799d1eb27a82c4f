import * as d3 from 'd3';
import type { IndexedTrace } from '../layout/model.js';
import { formatSpan } from '../layout/time-format.js';

/** One line per loaded trace: scenario, seed, outcome and the headline numbers. */
export function renderSummary(container: HTMLElement, traces: readonly IndexedTrace[], tags: readonly string[]): void {
  const root = d3.select(container);
  root.selectAll('*').remove();
  traces.forEach((trace, i) => {
    const s = trace.file.summary;
    const line = root.append('div').attr('class', 'summary-line');
    if (tags[i]) line.append('span').attr('class', 'tag').text(tags[i]!);
    line.append('span').attr('class', 'summary-name').text(s?.scenario ?? trace.name);
    const facts = [
      `from ${trace.name}`,
      `seed ${trace.file.seed}`,
      s ? `${s.outcome} at ${formatSpan(s.endUs)}` : null,
      s ? `reboots ${s.reboots.graceful} graceful / ${s.reboots.ungraceful} ungraceful` : null,
      s ? `restarts ${s.restarts.total}` : null,
      s ? `lost ${s.lostRequests} requests, ${s.lostDataBytes} bytes` : null,
      s ? `violations ${s.violations.length}` : null,
      `${trace.file.records.length} records`,
    ].filter((f): f is string => f !== null);
    line.append('span').attr('class', 'summary-facts').text(facts.join(' · '));
  });
}
