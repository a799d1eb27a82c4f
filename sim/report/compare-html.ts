import type { MetricKey } from '../compare/accumulator.js';
import type { CampaignResult } from '../compare/campaign.js';
import type { Estimate } from '../compare/stats.js';
import { formatTable, tableData } from '../compare/table.js';
import { judgeCampaign } from '../compare/campaign-verdict.js';
import { formatBytes } from '../format/format-bytes.js';

/** A policy's worst run, written out as a timeline the report links to. */
export interface WorstLink {
  seed: number;
  /** Relative to the report. */
  href: string;
  /** The same seed under another policy (the best), opened side by side: A vs B on the same faults. */
  pair?: { against: string; href: string };
}

/** Everything from a name in a scenario file is text, never markup. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Plot {
  key: MetricKey;
  title: string;
  /** Turns a mean (in the table's unit) into the plotted unit. */
  scale: number;
  show: (v: number) => string;
  /** Tick labels: round values need fewer digits. */
  tick: (v: number) => string;
  /** What "better" means, said under the title. */
  better: string;
}

const round = (v: number): string => String(+v.toPrecision(6));
const PLOTS: readonly Plot[] = [
  { key: 'availability', title: 'availability', scale: 100, show: (v) => `${v.toFixed(3)} %`, tick: (v) => `${round(v)} %`, better: 'higher is better' },
  { key: 'ungracefulReboots', title: 'ungraceful reboots per run', scale: 1, show: (v) => v.toFixed(2), tick: round, better: 'lower is better' },
  { key: 'gracefulReboots', title: 'graceful reboots per run', scale: 1, show: (v) => v.toFixed(2), tick: round, better: 'lower is better' },
  { key: 'recoverMedianUs', title: 'time to recover, median', scale: 1, show: (v) => `${v >= 1 ? v.toFixed(2) : v.toFixed(3)} s`, tick: (v) => `${round(v)} s`, better: 'lower is better' },
  { key: 'lostDataBytes', title: 'data lost per run', scale: 1, show: (v) => formatBytes(Math.round(v)), tick: (v) => formatBytes(Math.round(v)), better: 'lower is better' },
];

const ROW_PX = 26;
const LABEL_PX = 170;
const PLOT_PX = 300;
const VALUE_PX = 170;

/** 4-6 round tick values covering [lo, hi]. */
function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => span / s <= 5) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(+t.toPrecision(12));
  return ticks;
}

/** One metric as dots (means) and whiskers (95 % intervals), one row per policy. */
function plotSvg(plot: Plot, rows: readonly { policy: string; estimate: Estimate | undefined; href?: string }[]): string {
  const points = rows.map((r) => (r.estimate ? { mean: r.estimate.mean * plot.scale, half: r.estimate.halfWidth * plot.scale } : undefined));
  const known = points.filter((p): p is { mean: number; half: number } => p !== undefined);
  // Every metric is a share, a count or a size: never below 0, availability never above 100 %.
  const top = plot.key === 'availability' ? 100 : Infinity;
  let lo = Math.max(0, Math.min(...known.map((p) => p.mean - p.half), plot.key === 'availability' ? 100 : 0));
  let hi = Math.min(top, Math.max(...known.map((p) => p.mean + p.half), 0));
  if (!(hi > lo)) [lo, hi] = plot.key === 'availability' ? [lo - 1, top] : [0, Math.max(1, hi)];
  const pad = (hi - lo) * 0.05;
  [lo, hi] = [Math.max(0, lo - pad), hi + pad];
  const x = (v: number): number => LABEL_PX + ((v - lo) / (hi - lo)) * PLOT_PX;
  const height = rows.length * ROW_PX + 30;
  const parts: string[] = [];
  for (const t of niceTicks(lo, hi)) {
    parts.push(`<line class="grid" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="4" y2="${height - 22}"/>`);
    parts.push(`<text class="tick" x="${x(t).toFixed(1)}" y="${height - 8}" text-anchor="middle">${escape(plot.tick(t))}</text>`);
  }
  rows.forEach((row, i) => {
    const y = i * ROW_PX + 16;
    const p = points[i];
    const label = `<text class="policy" x="${LABEL_PX - 8}" y="${y + 4}" text-anchor="end">${escape(row.policy)}</text>`;
    parts.push(row.href ? `<a href="${escape(row.href)}"><title>${escape(`${row.policy}: its worst run's timeline`)}</title>${label}</a>` : label);
    if (!p) {
      parts.push(`<text class="value" x="${LABEL_PX + PLOT_PX + 10}" y="${y + 4}">no runs with a value</text>`);
      return;
    }
    parts.push(`<line class="ci" x1="${x(p.mean - p.half).toFixed(1)}" x2="${x(p.mean + p.half).toFixed(1)}" y1="${y}" y2="${y}"/>`);
    parts.push(`<line class="ci-end" x1="${x(p.mean - p.half).toFixed(1)}" x2="${x(p.mean - p.half).toFixed(1)}" y1="${y - 5}" y2="${y + 5}"/>`);
    parts.push(`<line class="ci-end" x1="${x(p.mean + p.half).toFixed(1)}" x2="${x(p.mean + p.half).toFixed(1)}" y1="${y - 5}" y2="${y + 5}"/>`);
    parts.push(`<circle class="mean" cx="${x(p.mean).toFixed(1)}" cy="${y}" r="4.5"><title>${escape(`${row.policy}: ${plot.show(p.mean)} ±${plot.show(p.half)}`)}</title></circle>`);
    parts.push(`<text class="value" x="${LABEL_PX + PLOT_PX + 10}" y="${y + 4}">${escape(`${plot.show(p.mean)} ±${plot.show(p.half)}`)}</text>`);
  });
  const width = LABEL_PX + PLOT_PX + VALUE_PX;
  return `<figure class="plot" data-metric="${plot.key}"><figcaption><b>${escape(plot.title)}</b> <span>mean ±95 % CI, ${escape(plot.better)}</span></figcaption><svg role="img" aria-label="${escape(plot.title)} per policy" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg></figure>`;
}

const STYLE = `
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; margin: 20px; max-width: 1100px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 20px 0 6px; }
.lead { color: #3e4c59; margin: 0 0 12px; }
.verdict { margin: 0 0 4px; } .verdicts { margin: 0 0 12px; padding-left: 20px; color: #1f2933; }
.plots { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.plot { margin: 0; } figcaption span { color: #52606d; font-size: 13px; }
svg text { font-size: 12px; fill: #1f2933; } svg a text { fill: #1565c0; text-decoration: underline; } svg .tick { fill: #52606d; }
.grid { stroke: #e5e7eb; } .ci, .ci-end { stroke: #0072b2; stroke-width: 2; } .mean { fill: #0072b2; stroke: #fff; stroke-width: 1.5; }
table { border-collapse: collapse; } th, td { padding: 2px 10px; text-align: left; border-bottom: 1px solid #e5e7eb; }
pre { background: #f8fafc; border: 1px solid #e5e7eb; padding: 8px; overflow: auto; font-size: 12px; }
a:focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
`;

/**
 * The comparison as a page: a dot-and-whisker plot per headline metric
 * (availability, reboots, time to recover, lost data: mean and 95 %
 * interval per policy), each policy's worst run linked to its timeline, and
 * the full table. Static (no script), deterministic: the same campaign gives
 * the same bytes.
 */
export function compareHtml(result: CampaignResult, worst: ReadonlyMap<string, WorstLink>): string {
  const data = tableData(result);
  const plots = PLOTS.map((plot) => plotSvg(plot, data.policies.map((p) => ({ policy: p.policy, estimate: p.metrics[plot.key], href: worst.get(p.policy)?.href }))));
  const worstRows = data.policies.map((p) => {
    const link = worst.get(p.policy);
    const cell = link ? `<a class="worst-link" data-policy="${escape(p.policy)}" href="${escape(link.href)}">seed ${link.seed}: its timeline</a>` : 'not written';
    const pair = link?.pair
      ? `<a class="pair-link" data-policy="${escape(p.policy)}" data-against="${escape(link.pair.against)}" href="${escape(link.pair.href)}">${escape(p.policy)} vs ${escape(link.pair.against)} on seed ${link.seed}</a>`
      : '';
    return `<tr><td>${escape(p.policy)}</td><td>${cell}</td><td>${pair}</td></tr>`;
  });
  const judged = data.policies.length > 1 ? judgeCampaign(result) : null;
  const verdict = judged
    ? `<h2>Verdict</h2>
<p class="verdict" data-best="${escape(judged.names[judged.best]!)}"><b>Best: ${escape(judged.names[judged.best]!)}</b>, judged on availability first, then reboots, lost data and time to recover; a difference counts only where the 95 % intervals do not overlap.</p>
<ul class="verdicts">${judged.against.map((a) => `<li data-policy="${escape(judged.names[a.index]!)}">${escape(a.verdict.text)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>recsim compare: ${escape(data.scenario)}</title><style>${STYLE}</style></head>
<body>
<h1>${escape(data.scenario)}</h1>
<p class="lead">${data.runsPerPolicy} runs per policy (seeds ${escape(data.seeds)}); every policy met the same faults for a given seed. Where two intervals overlap, the difference is not resolved: add seeds.</p>
${verdict}
<div class="plots">
${plots.join('\n')}
</div>
<h2>Each policy's worst run</h2>
<p class="lead">The run with the least time running (then the most ungraceful reboots, then the most data lost), alone, and beside the best policy on the same seed (the same faults: what the worst run did differently).</p>
<table><thead><tr><th>policy</th><th>worst run</th><th>A vs B on the same seed</th></tr></thead><tbody>${worstRows.join('')}</tbody></table>
<h2>The table</h2>
<pre>${escape(formatTable(result, 'text'))}</pre>
</body>
</html>
`;
}
