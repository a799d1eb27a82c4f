import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { TABLE_FORMATS, type TableFormat } from '../../compare/table.js';
import type { ExhaustiveResult } from '../../explore/exhaustive/result.js';
import { exhaustiveBase } from '../../explore/exhaustive/search.js';
import { replaysRow, rowScenario, rowScenarioYaml } from '../../explore/exhaustive/write-row-scenario.js';
import { writeHtmlReport } from '../../report/html.js';
import { spofHtml } from '../../report/spof-html.js';
import { formatSpofReport, type ReportHead, type ReportRow } from '../../report/spof-table.js';
import type { Scenario } from '../../scenario/types.js';
import { EXIT, UsageError } from '../../io/exit-codes.js';
import { writeFileCreatingDirs } from '../../io/write-file.js';

/** Timelines an HTML report writes at most (the worst rows): each is the viewer with a whole run inlined. */
export const TIMELINES_MAX = 60;

/** Checks the flags of `--report`; returns the table format. */
export function checkReportFlags(o: { report?: boolean; format?: string; html?: string; json?: boolean }, depth: 1 | 2): TableFormat {
  if (!o.report) {
    const stray = [['--format', o.format], ['--html', o.html]].filter(([, v]) => v !== undefined).map(([f]) => f);
    if (stray.length > 0) throw new UsageError(`${stray.join(', ')}: only with --report`);
    return 'text';
  }
  if (depth !== 1) throw new UsageError('--report: the report is about single faults: use it with --depth 1');
  if (o.json) throw new UsageError('--report: write --format json instead of --json');
  const format = (o.format ?? 'text') as TableFormat;
  if (!TABLE_FORMATS.includes(format)) throw new UsageError(`--format: expected ${TABLE_FORMATS.join(', ')}, got "${o.format}"`);
  return format;
}

/** A file name part from a fault: `03-crash-ahcid`. */
function rowStem(index: number, kind: string, target: string | undefined, width: number): string {
  const safe = (target ?? 'system').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+/, '');
  return `${String(index + 1).padStart(width, '0')}-${kind}-${safe}`;
}

export interface SpofReportOptions {
  file: string;
  scenario: Scenario;
  result: ExhaustiveResult;
  outDir: string;
  keepFaults: boolean;
  command: string;
  format: TableFormat;
  html?: string;
}

/**
 * `recsim explore <scenario> --exhaustive --report`: the rows of the search,
 * each written as a scenario (checked to replay), printed as a table, and
 * with `--html` a page whose rows link their timelines. Exit 1 when there is
 * a single point of failure, else 0.
 */
export function writeSpofReport(o: SpofReportOptions): void {
  const rows = o.result.singleFaults ?? [];
  const base = exhaustiveBase(o.scenario, o.keepFaults, o.result.eventBudget);
  const sourceText = readFileSync(o.file, 'utf8');
  const dir = join(o.outDir, `${basename(o.file, extname(o.file))}.single-faults`);
  const width = String(rows.length).length;
  const htmlDir = o.html === undefined ? undefined : join(dirname(o.html), `${basename(o.html).replace(/\.html?$/i, '')}-runs`);
  const report: ReportRow[] = rows.map((row, i) => {
    const stem = rowStem(i, row.worst.fault.kind, row.worst.fault.target, width);
    const path = join(dir, `${stem}.yaml`);
    const written = rowScenario(base, row);
    const yaml = rowScenarioYaml(sourceText, base, row, written, { sourceFile: o.file, command: o.command });
    writeFileCreatingDirs(path, yaml);
    const replay = replaysRow(yaml, path, row);
    let timeline: string | undefined;
    if (htmlDir !== undefined && i < TIMELINES_MAX) {
      const page = join(htmlDir, `${stem}.html`);
      writeHtmlReport(written.trace, page);
      timeline = relative(dirname(o.html!), page).split(sep).join('/');
    }
    return { row, scenario: path, replays: replay.ok, ...(timeline !== undefined ? { timeline } : {}) };
  });
  const head: ReportHead = {
    scenario: o.scenario.name, file: o.file, components: o.result.components, kinds: o.result.kinds,
    points: o.result.points, cases: o.result.cases, distinctStates: o.result.distinctStates, livenessJudged: o.result.livenessJudged,
  };
  process.stdout.write(formatSpofReport(head, report, o.format));
  if (o.html !== undefined) {
    const note = `Timelines: the ${Math.min(TIMELINES_MAX, rows.length)} worst rows (at most ${TIMELINES_MAX}); every row names the scenario file that replays it. Replay the search: ${o.command}`;
    writeFileCreatingDirs(o.html, spofHtml(head, report, note));
    process.stderr.write(`explore: wrote ${o.html} (each row's timeline in ${htmlDir}${sep})\n`);
  }
  const unreplayed = report.filter((r) => r.replays === false).length;
  if (unreplayed > 0) process.stderr.write(`explore: ${unreplayed} row scenario${unreplayed === 1 ? '' : 's'} did not replay the search's outcome from time zero (marked in the table)\n`);
  process.exitCode = rows.some((r) => r.cost.spof) ? EXIT.checkFailed : EXIT.ok;
}
