import type { TableFormat } from '../compare/table.js';
import { formatInstant, US_PER_S } from '../engine/time.js';
import type { FaultCost } from '../explore/exhaustive/fault-cost.js';
import { describeMenuFault } from '../explore/exhaustive/fault-menu.js';
import { summaryLine, type SingleFaultRow } from '../explore/exhaustive/single-fault-rows.js';
import { formatBytes } from '../format/format-bytes.js';

/** A row of the report as printed: the row, and the scenario file that replays it (when written). */
export interface ReportRow {
  row: SingleFaultRow;
  scenario?: string;
  replays?: boolean;
  /** Relative to the HTML page: the row's timeline. */
  timeline?: string;
}

/** What the report says about the whole search, beside the rows. */
export interface ReportHead {
  scenario: string;
  file: string;
  components: number;
  kinds: readonly string[];
  points: number;
  cases: number;
  distinctStates: number;
  /** Whether the heal phase is long enough for the recovery bound: without it nothing is judged left down for good (no single point of failure can be told). */
  livenessJudged: boolean;
}

/** `degraded for good: redoxfs, editor`, `reboot (graceful)`, `panic (ungraceful reboot)`. */
export function describeOutcome(c: FaultCost): string {
  switch (c.outcome) {
    case 'recovered':
      return 'recovered';
    case 'degraded':
      return `degraded for good: ${c.down.join(', ')}` + (c.reboots.ungraceful > 0 ? ' (after a panic)' : c.reboots.graceful > 0 ? ' (after a reboot)' : '');
    case 'reboot':
      return 'reboot (graceful)';
    case 'panic':
      return 'panic (ungraceful reboot)';
    case 'halted':
      return 'halted (reboot target)';
  }
}

/** `never`, `0s` (nothing went down), `1.250s`. */
export function describeRecovery(c: FaultCost): string {
  return c.recoveryUs === null ? 'never' : c.recoveryUs === 0 ? '0s' : `${(c.recoveryUs / US_PER_S).toFixed(3)}s`;
}

const COLUMNS = ['#', 'fault', 'worst at', 'outcome', 'SPOF', 'recovery', 'restarts', 'requests lost', 'data lost', 'SPOF at', 'scenario'] as const;

function cells(r: ReportRow, i: number): string[] {
  const c = r.row.cost;
  return [
    String(i + 1),
    describeMenuFault(r.row.worst.fault),
    formatInstant(r.row.worst.atUs),
    describeOutcome(c),
    c.spof ? 'yes' : '',
    describeRecovery(c),
    String(c.restarts),
    String(c.requestsLost),
    formatBytes(c.dataLostBytes),
    `${r.row.spofCases}/${r.row.cases} points`,
    r.scenario === undefined ? '' : r.scenario + (r.replays === false ? ' (does NOT replay)' : ''),
  ];
}

/** The lines above the table: the summary, and what was tried. */
export function headLines(head: ReportHead, rows: readonly ReportRow[]): string[] {
  return [
    `Single faults of ${head.file} (${head.scenario}): ${rows.length} distinct faults (${head.kinds.length} kinds x ${head.components} components), ` +
      `${head.points.toLocaleString('en')} decision points, ${head.cases.toLocaleString('en')} cases, ${head.distinctStates.toLocaleString('en')} distinct states`,
    `Summary: ${summaryLine(rows.map((r) => r.row), head.components)}`,
    ...(head.livenessJudged ? [] : ['WARNING: the heal phase is too short for the recovery bound: nothing is judged left down for good, so no fault is called a single point of failure for it (raise `duration`)']),
    ...(head.kinds.includes('crash_loop') ? ['(crash_loop is a persistent fault, not a single one: it has no row)'] : []),
  ];
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report in one of the table formats: worst first, single points of failure on top, and the summary line. */
export function formatSpofReport(head: ReportHead, rows: readonly ReportRow[], format: TableFormat): string {
  if (format === 'json') {
    return `${JSON.stringify({ ...head, summary: summaryLine(rows.map((r) => r.row), head.components), rows: rows.map((r) => ({ fault: describeMenuFault(r.row.worst.fault), kind: r.row.worst.fault.kind, target: r.row.worst.fault.target ?? null, worst: r.row.worst, ...r.row.cost, cases: r.row.cases, spofCases: r.row.spofCases, scenario: r.scenario ?? null, replays: r.replays ?? null })) }, null, 1)}\n`;
  }
  const table = rows.map(cells);
  if (format === 'csv') return `${[[...COLUMNS], ...table].map((line) => line.map(csvCell).join(',')).join('\n')}\n`;
  if (format === 'markdown') {
    const esc = (s: string): string => s.replace(/\|/g, '\\|');
    return `${[
      ...headLines(head, rows).map((l) => `${l}  `),
      '',
      `| ${COLUMNS.join(' | ')} |`,
      `|${COLUMNS.map(() => ' --- ').join('|')}|`,
      ...table.map((line) => `| ${line.map(esc).join(' | ')} |`),
    ].join('\n')}\n`;
  }
  const widths = COLUMNS.map((h, i) => Math.max(h.length, ...table.map((line) => line[i]!.length)));
  const pad = (line: readonly string[]): string => line.map((s, i) => (i === line.length - 1 ? s : s.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[...headLines(head, rows), '', pad(COLUMNS), ...table.map(pad)].join('\n')}\n`;
}
