import type { Objective } from './objectives.js';
import { formatTune, showValue, type TuneReport } from './report.js';

/** The seed of a setting's worst run on an objective (the earliest such seed on ties). */
export function worstSeedOf(report: TuneReport, setting: number, objective: Objective): number {
  const rows = report.data.runs[setting]!;
  let worst = 0;
  for (let s = 1; s < rows.length; s++) {
    const a = rows[s]![objective.index]!;
    const b = rows[worst]![objective.index]!;
    if (objective.better === 'max' ? a < b : a > b) worst = s;
  }
  return report.data.seeds[worst]!;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const W = 640;
const H = 420;
const M = { left: 90, right: 20, top: 20, bottom: 50 };

interface Axis {
  at: (x: number) => number;
  ticks: number[];
}

function axis(lo: number, hi: number, a: number, b: number): Axis {
  const span = hi - lo || Math.abs(hi) || 1;
  const pad = span * 0.08;
  const from = lo - pad;
  const to = hi + pad;
  return { at: (x) => a + ((x - from) / (to - from)) * (b - a), ticks: [0, 1, 2, 3, 4].map((k) => from + ((to - from) * (k + 0.5)) / 5) };
}

/** The two objectives to plot: the first two whose means differ across settings (a flat one says nothing), in objective order. */
function plotted(report: TuneReport): [Objective, Objective] {
  const varies = (o: Objective): boolean => new Set(report.stats.map((s) => s[o.index]!.mean)).size > 1;
  const chosen = [...report.objectives.filter(varies), ...report.objectives.filter((o) => !varies(o))];
  return [chosen[0]!, chosen[1] ?? chosen[0]!];
}

function label(report: TuneReport, i: number): string {
  return report.data.paths.map((p, k) => `${p}=${report.data.settings[i]![k]}`).join(' ');
}

/** The Pareto plot: one point per setting on the first two objectives, 95 % intervals as error bars. */
function paretoPlot(report: TuneReport): string {
  const [ox, oy] = plotted(report);
  const xs = report.stats.map((s) => s[ox.index]!);
  const ys = report.stats.map((s) => s[oy.index]!);
  const ax = axis(Math.min(...xs.map((i) => i.lo)), Math.max(...xs.map((i) => i.hi)), M.left, W - M.right);
  const ay = axis(Math.min(...ys.map((i) => i.lo)), Math.max(...ys.map((i) => i.hi)), H - M.bottom, M.top);
  const fx = ax.at;
  const fy = ay.at;
  const ticks = [
    ...ax.ticks.map((t) => `<text class="tick" x="${fx(t).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(showValue(ox.key, t))}</text>`),
    ...ay.ticks.map((t) => `<text class="tick" x="${M.left - 6}" y="${(fy(t) + 4).toFixed(1)}" text-anchor="end">${esc(showValue(oy.key, t))}</text>`),
  ];
  const points = report.stats.map((_, i) => {
    const x = xs[i]!;
    const y = ys[i]!;
    const pareto = report.pareto.includes(i);
    const tip = [`#${i + 1} ${label(report, i)}`, ...report.objectives.map((o) => `${o.key}: ${showValue(o.key, report.stats[i]![o.index]!.mean)} [${showValue(o.key, report.stats[i]![o.index]!.lo)}, ${showValue(o.key, report.stats[i]![o.index]!.hi)}]`), pareto ? 'on the Pareto front' : 'dominated'].join('\n');
    return `<g class="setting${pareto ? ' pareto' : ''}${i === report.recommended ? ' recommended' : ''}" data-setting="${i + 1}">
  <line x1="${fx(x.lo).toFixed(1)}" x2="${fx(x.hi).toFixed(1)}" y1="${fy(y.mean).toFixed(1)}" y2="${fy(y.mean).toFixed(1)}" class="bar"/>
  <line x1="${fx(x.mean).toFixed(1)}" x2="${fx(x.mean).toFixed(1)}" y1="${fy(y.lo).toFixed(1)}" y2="${fy(y.hi).toFixed(1)}" class="bar"/>
  <circle cx="${fx(x.mean).toFixed(1)}" cy="${fy(y.mean).toFixed(1)}" r="${i === report.recommended ? 7 : 5}"><title>${esc(tip)}</title></circle>
  ${pareto ? `<text x="${(fx(x.mean) + 8).toFixed(1)}" y="${(fy(y.mean) - 6).toFixed(1)}">#${i + 1}</text>` : ''}
</g>`;
  });
  const better = (o: Objective): string => (o.better === 'max' ? 'higher is better' : 'lower is better');
  return `<svg class="pareto-plot" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Pareto plot of ${esc(ox.key)} against ${esc(oy.key)}">
<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" class="axis"/>
<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" class="axis"/>
<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">${esc(ox.key)} (${better(ox)})</text>
<text x="16" y="${(M.top + H - M.bottom) / 2}" transform="rotate(-90 16 ${(M.top + H - M.bottom) / 2})" text-anchor="middle">${esc(oy.key)} (${better(oy)})</text>
${ticks.join('\n')}
${points.join('\n')}
</svg>`;
}

/** With two varied parameters: a grid of the first objective's mean, one cell per setting. */
function heatMap(report: TuneReport): string {
  if (report.data.paths.length !== 2) return '';
  const o = report.objectives[0]!;
  const rowsValues = [...new Set(report.data.settings.map((s) => s[0]!))];
  const colValues = [...new Set(report.data.settings.map((s) => s[1]!))];
  const means = report.stats.map((s) => s[o.index]!.mean);
  const lo = Math.min(...means);
  const hi = Math.max(...means);
  const shade = (x: number): string => {
    const good = hi === lo ? 1 : o.better === 'max' ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
    return `hsl(${Math.round(good * 120)}, 60%, ${Math.round(88 - good * 30)}%)`;
  };
  const cell = (r: string, c: string): string => {
    const i = report.data.settings.findIndex((s) => s[0] === r && s[1] === c);
    return `<td class="cell" style="background:${shade(means[i]!)}" title="#${i + 1}">${esc(showValue(o.key, means[i]!))}</td>`;
  };
  return `<h2>${esc(o.key)} by ${esc(report.data.paths[0]!)} and ${esc(report.data.paths[1]!)}</h2>
<table class="heat-map"><thead><tr><th>${esc(report.data.paths[0]!)} \\ ${esc(report.data.paths[1]!)}</th>${colValues.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>
<tbody>${rowsValues.map((r) => `<tr><th>${esc(r)}</th>${colValues.map((c) => cell(r, c)).join('')}</tr>`).join('\n')}</tbody></table>`;
}

/** A self-contained page (no script, no network): the plot, the heat map, the table, and links to the Pareto settings' worst runs. */
export function tuneHtml(report: TuneReport, links: ReadonlyMap<number, { seed: number; href: string }>): string {
  const linkList = report.pareto.map((i) => {
    const link = links.get(i);
    return `<li>#${i + 1} ${esc(label(report, i))}${i === report.recommended ? ' <strong>(recommended)</strong>' : ''}${link ? `: <a class="worst-run" href="${esc(link.href)}">worst run (seed ${link.seed})</a>` : ''}</li>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>recsim tune: ${esc(report.data.scenario)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
svg text { font-size: 12px; fill: #333; }
svg text.tick { font-size: 10px; fill: #666; }
.axis { stroke: #555; }
.bar { stroke: #999; stroke-width: 1.5; }
.setting circle { fill: #bbb; stroke: #666; }
.setting.pareto circle { fill: #1f77b4; stroke: #0b3c5d; }
.setting.recommended circle { fill: #d62728; stroke: #5a0d0d; }
table { border-collapse: collapse; }
td, th { padding: 4px 8px; border: 1px solid #ddd; text-align: left; }
pre { background: #f6f6f6; padding: 1em; overflow-x: auto; }
</style></head>
<body>
<h1>recsim tune: ${esc(report.data.scenario)}</h1>
<p>Blue: the Pareto front (no other setting is better on every objective with 95 % confidence, on paired seeds). Red: the recommended setting. Bars: 95 % intervals. Hover a point for all objectives.</p>
${paretoPlot(report)}
${heatMap(report)}
<h2>Pareto settings and their worst runs</h2>
<ul class="pareto-list">${linkList.join('\n')}</ul>
<h2>All settings</h2>
<pre>${esc(formatTune(report, 'text'))}</pre>
</body></html>
`;
}
