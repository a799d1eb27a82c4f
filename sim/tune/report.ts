import { formatSeeds } from '../compare/seeds.js';
import { mainEffects, paretoFront, recommend, summarize, type Interval, type MainEffect, type Runs } from './analysis.js';
import type { TuneData } from './data.js';
import { meets, parseConstraint, parseObjectives, TUNE_METRICS, type Constraint, type Objective } from './objectives.js';

export interface SettingReport {
  values: Record<string, string>;
  runs: number;
  metrics: Record<string, Interval>;
  droppedAfterRound?: number;
  meetsConstraints: boolean;
}

export interface TuneReport {
  data: TuneData;
  objectives: Objective[];
  constraints: Constraint[][];
  stats: Interval[][];
  settings: SettingReport[];
  pareto: number[];
  recommended: number | undefined;
  effects: MainEffect[];
  runsDone: number;
  runsFull: number;
}

export type { TuneData };

export function analyze(data: TuneData): TuneReport {
  const objectives = parseObjectives(data.objectives);
  if ('error' in objectives) throw new Error(objectives.error);
  const constraints = data.durationsUs.map((d) =>
    data.constraints.map((text) => {
      const c = parseConstraint(text, d);
      if ('error' in c) throw new Error(c.error);
      return c;
    }),
  );
  const stats = data.runs.map((r) => summarize(r, TUNE_METRICS.length));
  const meetsAll = (i: number): boolean => constraints[i]!.every((c) => meets(c, stats[i]![c.index]!.mean));
  const finalists = data.runs.flatMap((_, i) => (data.droppedAfterRound[i] === undefined ? [i] : []));
  const pareto = paretoFront(data.runs as Runs[], objectives, finalists);
  const recommended = recommend(pareto, stats, objectives, meetsAll);
  const settings = data.settings.map((values, i) => ({
    values: Object.fromEntries(data.paths.map((p, k) => [p, values[k]!])),
    runs: data.runs[i]!.length,
    metrics: Object.fromEntries(TUNE_METRICS.map((m, k) => [m.key, stats[i]![k]!])),
    ...(data.droppedAfterRound[i] !== undefined ? { droppedAfterRound: data.droppedAfterRound[i] } : {}),
    meetsConstraints: meetsAll(i),
  }));
  const runsDone = data.runs.reduce((a, r) => a + r.length, 0);
  return {
    data, objectives, constraints, stats, settings, pareto, recommended,
    effects: mainEffects(data.paths, data.settings, stats, objectives),
    runsDone, runsFull: data.settings.length * data.seeds.length,
  };
}

export const TUNE_FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
export type TuneFormat = (typeof TUNE_FORMATS)[number];

/** A metric value for people: fractions as percentages, seconds and bytes with units, counts with 3 decimals. */
export function showValue(key: string, x: number): string {
  if (!Number.isFinite(x)) return '-';
  const unit = TUNE_METRICS.find((m) => m.key === key)!.unit;
  switch (unit) {
    case 'fraction': return `${(x * 100).toFixed(3)} %`;
    case 's': return `${x.toFixed(3)} s`;
    case 'bytes': return x >= 1e6 ? `${(x / 1e6).toFixed(2)} MB` : x >= 1e3 ? `${(x / 1e3).toFixed(2)} kB` : `${x.toFixed(1)} B`;
    case 'count': return x.toFixed(3);
  }
}

/** A difference of a metric: percentage points for fractions. */
export function showDelta(key: string, x: number): string {
  return showValue(key, x).replace(/ %$/, ' pp');
}

function showInterval(key: string, i: Interval): string {
  if (i.lo === i.hi) return showValue(key, i.mean);
  return `${showValue(key, i.mean)} ±${showDelta(key, (i.hi - i.lo) / 2)}`;
}

function pad(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
}

function settingLabel(report: TuneReport, i: number): string {
  return report.data.paths.map((p, k) => `${p}=${report.data.settings[i]![k]}`).join(' ');
}

function headline(report: TuneReport): string[] {
  const d = report.data;
  const lines = [
    `recsim tune: ${d.scenario}`,
    `${d.settings.length} setting${d.settings.length === 1 ? '' : 's'} x ${d.seeds.length} seeds (${formatSeeds(d.seeds)}), paired: every setting runs the same fault schedules`,
  ];
  if (d.search === 'halving') {
    const saved = report.runsFull - report.runsDone;
    lines.push(`search: halving in ${d.rounds.length} rounds (${d.rounds.join(', ')} seeds): ${report.runsDone} runs of ${report.runsFull}, ${saved} saved (${((100 * saved) / Math.max(1, report.runsFull)).toFixed(0)} %)`);
  } else lines.push(`search: every setting on every seed: ${report.runsDone} runs`);
  lines.push(`objectives: ${report.objectives.map((o) => `${o.key} (${o.better})`).join(', ')}${d.constraints.length ? `; constraints: ${d.constraints.join(', ')}` : ''}`);
  return lines;
}

function recommendation(report: TuneReport): string {
  const r = report.recommended;
  if (r === undefined) return report.data.constraints.length ? `No setting on the Pareto front meets ${report.data.constraints.join(', ')}: relax a constraint or widen the ranges.` : 'No recommendation.';
  const first = report.objectives[0]!;
  return `Recommended: #${r + 1} ${settingLabel(report, r)} (best ${first.key} on the Pareto front${report.data.constraints.length ? ' among those meeting the constraints' : ''}: ${showInterval(first.key, report.stats[r]![first.index]!)})`;
}

function text(report: TuneReport): string {
  const { data, objectives } = report;
  const head = ['#', ...data.paths, ...objectives.map((o) => `${o.key} (${o.better})`), 'runs', ''];
  const rows = data.settings.map((values, i) => [
    `${i + 1}`,
    ...values,
    ...objectives.map((o) => showInterval(o.key, report.stats[i]![o.index]!)),
    `${data.runs[i]!.length}`,
    [report.pareto.includes(i) ? 'pareto' : '', i === report.recommended ? 'recommended' : '', data.droppedAfterRound[i] !== undefined ? `dropped after round ${data.droppedAfterRound[i]}` : '', report.settings[i]!.meetsConstraints ? '' : 'misses a constraint'].filter(Boolean).join(', '),
  ]);
  const effects = pad([['main effect', ...objectives.map((o) => o.key)], ...report.effects.map((e) => [e.path, ...e.range.map((x, k) => showDelta(objectives[k]!.key, x))])]);
  return [
    ...headline(report),
    '',
    ...pad([head, ...rows]),
    '',
    `Pareto front: ${report.pareto.map((i) => `#${i + 1}`).join(', ') || 'none'} (no other setting is better on every objective, judged on paired differences with 95 % intervals)`,
    recommendation(report),
    '',
    'How far each objective moves across a parameter\'s values (its main effect, averaged over the other parameters):',
    ...effects,
    '',
  ].join('\n');
}

const round = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(10)) : x);

function json(report: TuneReport): string {
  const out = {
    scenario: report.data.scenario,
    seeds: formatSeeds(report.data.seeds),
    objectives: report.objectives.map((o) => ({ metric: o.key, better: o.better })),
    constraints: report.data.constraints,
    search: { kind: report.data.search, rounds: report.data.rounds, runs: report.runsDone, runsFull: report.runsFull, runsSaved: report.runsFull - report.runsDone },
    settings: report.settings.map((s) => ({
      values: s.values,
      runs: s.runs,
      metrics: Object.fromEntries(Object.entries(s.metrics).map(([k, v]) => [k, { mean: round(v.mean), lo: round(v.lo), hi: round(v.hi) }])),
      ...(s.droppedAfterRound !== undefined ? { droppedAfterRound: s.droppedAfterRound } : {}),
      meetsConstraints: s.meetsConstraints,
    })),
    pareto: report.pareto,
    recommended: report.recommended ?? null,
    mainEffects: report.effects.map((e) => ({
      path: e.path,
      range: Object.fromEntries(report.objectives.map((o, k) => [o.key, round(e.range[k]!)])),
      byValue: e.byValue.map((v) => ({ value: v.value, means: Object.fromEntries(report.objectives.map((o, k) => [o.key, round(v.means[k]!)])) })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function csv(report: TuneReport): string {
  const head = ['setting', ...report.data.paths, 'runs', ...TUNE_METRICS.flatMap((m) => [`${m.key}_mean`, `${m.key}_lo`, `${m.key}_hi`]), 'pareto', 'recommended', 'meets_constraints', 'dropped_after_round'];
  const rows = report.settings.map((s, i) => [
    `${i + 1}`, ...report.data.settings[i]!, `${s.runs}`,
    ...TUNE_METRICS.flatMap((m) => [s.metrics[m.key]!.mean, s.metrics[m.key]!.lo, s.metrics[m.key]!.hi].map((x) => String(round(x)))),
    String(report.pareto.includes(i)), String(i === report.recommended), String(s.meetsConstraints), s.droppedAfterRound === undefined ? '' : String(s.droppedAfterRound),
  ]);
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

const mdCell = (s: string): string => s.replace(/\|/g, '\\|');

function markdown(report: TuneReport): string {
  const { objectives, data } = report;
  const head = ['#', ...data.paths.map((p) => `\`${p}\``), ...objectives.map((o) => `${o.key} (${o.better})`), 'runs', ''];
  const rows = data.settings.map((values, i) => [
    `${i + 1}`, ...values, ...objectives.map((o) => showInterval(o.key, report.stats[i]![o.index]!)), `${data.runs[i]!.length}`,
    [report.pareto.includes(i) ? 'Pareto' : '', i === report.recommended ? '**recommended**' : ''].filter(Boolean).join(', '),
  ]);
  const table = (r: string[][]): string[] => [
    `| ${r[0]!.map(mdCell).join(' | ')} |`,
    `|${r[0]!.map(() => ' --- ').join('|')}|`,
    ...r.slice(1).map((row) => `| ${row.map(mdCell).join(' | ')} |`),
  ];
  return [
    ...headline(report).map((l) => `${l}  `),
    '',
    ...table([head, ...rows]),
    '',
    recommendation(report),
    '',
    ...table([['main effect', ...objectives.map((o) => o.key)], ...report.effects.map((e) => [`\`${e.path}\``, ...e.range.map((x, k) => showDelta(objectives[k]!.key, x))])]),
    '',
  ].join('\n');
}

export function formatTune(report: TuneReport, format: TuneFormat): string {
  switch (format) {
    case 'text': return text(report);
    case 'json': return json(report);
    case 'csv': return csv(report);
    case 'markdown': return markdown(report);
  }
}
