import { formatInstant } from '../engine/time.js';
import { describeMenuFault } from '../explore/exhaustive/fault-menu.js';
import { summaryLine } from '../explore/exhaustive/single-fault-rows.js';
import { formatBytes } from '../format/format-bytes.js';
import { describeOutcome, describeRecovery, type ReportHead, type ReportRow } from './spof-table.js';

/** Everything from a name in a scenario file is text, never markup. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; margin: 20px; max-width: 1300px; }
h1 { font-size: 20px; margin: 0 0 4px; } .lead { color: #3e4c59; margin: 0 0 12px; }
.summary { font-weight: 600; margin: 8px 0 14px; }
table { border-collapse: collapse; } th, td { padding: 3px 10px; text-align: left; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
th { background: #f1f5f9; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.spof td { background: #fff4e5; } tr.spof td.mark { color: #b45309; font-weight: 700; }
a { color: #1565c0; } a:focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
code { font-size: 12px; }
`;

/**
 * The single-point-of-failure report as a page: the summary line, then one
 * row per distinct single fault, worst first, each naming its replayable
 * scenario and linking its timeline (when written). Static and deterministic:
 * the same rows give the same bytes.
 */
export function spofHtml(head: ReportHead, rows: readonly ReportRow[], note: string): string {
  const body = rows.map((r, i) => {
    const c = r.row.cost;
    const fault = escape(describeMenuFault(r.row.worst.fault));
    const timeline = r.timeline === undefined ? '' : `<a class="timeline" href="${escape(r.timeline)}">timeline</a>`;
    const scenario = r.scenario === undefined ? '' : `<code>${escape(r.scenario)}</code>${r.replays === false ? ' (does not replay)' : ''}`;
    return `<tr class="${c.spof ? 'spof' : 'ok'}" data-fault="${fault}"><td class="num">${i + 1}</td><td>${fault}</td><td>${formatInstant(r.row.worst.atUs)}</td>` +
      `<td>${escape(describeOutcome(c))}</td><td class="mark">${c.spof ? 'SPOF' : ''}</td><td class="num">${describeRecovery(c)}</td>` +
      `<td class="num">${c.restarts}</td><td class="num">${c.requestsLost}</td><td class="num">${escape(formatBytes(c.dataLostBytes))}</td>` +
      `<td class="num">${r.row.spofCases}/${r.row.cases}</td><td>${timeline}</td><td>${scenario}</td></tr>`;
  });
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>recsim single points of failure: ${escape(head.scenario)}</title><style>${STYLE}</style></head>
<body>
<h1>Single points of failure: ${escape(head.scenario)}</h1>
<p class="lead">${escape(head.file)}: every fault of ${head.kinds.length} kinds (${escape(head.kinds.join(', '))}) on each of ${head.components} components at each of ${head.points} decision points of the fault-free run: ${head.cases} cases, ${head.distinctStates} distinct states. One row per fault, at the point where it costs the most; worst first.</p>
<p class="summary">${escape(summaryLine(rows.map((r) => r.row), head.components))}</p>
${head.livenessJudged ? '' : '<p class="summary">Warning: the heal phase is too short for the recovery bound: nothing is judged left down for good (raise <code>duration</code>).</p>'}
<table><thead><tr><th>#</th><th>fault</th><th>worst at</th><th>outcome</th><th>SPOF</th><th>recovery</th><th>restarts</th><th>requests lost</th><th>data lost</th><th>SPOF at</th><th>timeline</th><th>replay: recsim run</th></tr></thead>
<tbody>${body.join('\n')}</tbody></table>
<p class="lead">${escape(note)}</p>
</body>
</html>
`;
}
