import { METRICS, type MetricKey } from './accumulator.js';
import type { CampaignResult } from './campaign.js';
import { formatSeeds } from './seeds.js';
import { estimate, type Estimate } from './stats.js';

export type TableFormat = 'text' | 'csv' | 'json' | 'markdown';
export const TABLE_FORMATS: readonly TableFormat[] = ['text', 'csv', 'json', 'markdown'];

interface Cell {
  key: string;
  label: string;
  /** How to show one number of this column. */
  show: (value: number) => string;
  /** Multiplies the per-run sum into the reported unit. */
  scale: number;
}

const seconds = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(2));
const count = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const percent = (v: number): string => (v * 100).toFixed(3);

function bytes(v: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let x = v;
  let u = 0;
  while (Math.abs(x) >= 1000 && u < units.length - 1) {
    x /= 1000;
    u++;
  }
  return `${x.toFixed(u === 0 ? 0 : 1)}${units[u]}`;
}

function columns(result: CampaignResult): Cell[] {
  const perService = 1 / (result.durationUs * Math.max(1, result.components.length));
  const show: Record<MetricKey, Omit<Cell, 'key' | 'label'>> = {
    availability: { show: percent, scale: perService },
    up: { show: percent, scale: perService },
    downtimeUs: { show: seconds, scale: 1e-6 },
    gracefulReboots: { show: count, scale: 1 },
    ungracefulReboots: { show: count, scale: 1 },
    restarts: { show: count, scale: 1 },
    recoverMedianUs: { show: seconds, scale: 1e-6 },
    recoverP95Us: { show: seconds, scale: 1e-6 },
    lostRequests: { show: count, scale: 1 },
    refusedRequests: { show: count, scale: 1 },
    delayedRequests: { show: count, scale: 1 },
    lostDataBytes: { show: bytes, scale: 1 },
    violations: { show: count, scale: 1 },
  };
  const short: Record<MetricKey, string> = {
    availability: 'avail %',
    up: 'up %',
    downtimeUs: 'downtime s',
    gracefulReboots: 'reboots g',
    ungracefulReboots: 'reboots u',
    restarts: 'restarts',
    recoverMedianUs: 'TTR med s',
    recoverP95Us: 'TTR p95 s',
    lostRequests: 'lost req',
    refusedRequests: 'refused req',
    delayedRequests: 'delayed req',
    lostDataBytes: 'lost data',
    violations: 'violations',
  };
  return METRICS.map((m) => ({ key: m.key, label: short[m.key], ...show[m.key] }));
}

export interface EstimateJson {
  mean: number;
  ciLow: number;
  ciHigh: number;
  n: number;
}

function toJson(e: Estimate | undefined): EstimateJson | null {
  return e ? { mean: e.mean, ciLow: e.mean - e.halfWidth, ciHigh: e.mean + e.halfWidth, n: e.n } : null;
}

/** The table's numbers, one row per policy: what every format prints. */
export function tableData(result: CampaignResult) {
  const cols = columns(result);
  return {
    scenario: result.scenario,
    seeds: formatSeeds(result.seeds),
    runsPerPolicy: result.seeds.length,
    durationUs: result.durationUs,
    policies: result.policies.map((p) => ({
      policy: p.policy,
      runs: p.runs,
      budgetExhausted: p.budgetExhausted,
      metrics: Object.fromEntries(cols.map((c) => [c.key, estimate(p.metrics[c.key as MetricKey], c.scale)])) as Record<MetricKey, Estimate | undefined>,
      services: Object.fromEntries(result.components.map((name, i) => [name, estimate(p.services[i]!, 1 / result.durationUs)])) as Record<string, Estimate | undefined>,
    })),
  };
}

function cellText(e: Estimate | undefined, show: (v: number) => string): string {
  if (!e) return '-';
  return e.halfWidth > 0 ? `${show(e.mean)} ±${show(e.halfWidth)}` : show(e.mean);
}

function aligned(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows;
  return [`| ${head!.join(' | ')} |`, `|${head!.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * The name a metric goes by in JSON and CSV, where its values are already in
 * display units: times in seconds (`downtimeUs` -> `downtimeS`), the rest as
 * they are (availability as a fraction of 1).
 */
function exportedKey(key: string, scale: number): string {
  return scale === 1e-6 && key.endsWith('Us') ? `${key.slice(0, -2)}S` : key;
}

/** Renders a campaign's result. Deterministic: the same result always gives the same text. */
export function formatTable(result: CampaignResult, format: TableFormat): string {
  const data = tableData(result);
  const cols = columns(result);
  if (format === 'json') {
    return `${JSON.stringify(
      {
        ...data,
        policies: data.policies.map((p) => ({
          ...p,
          metrics: Object.fromEntries(cols.map((c) => [exportedKey(c.key, c.scale), toJson(p.metrics[c.key as MetricKey])])),
          services: Object.fromEntries(Object.entries(p.services).map(([k, e]) => [k, toJson(e)])),
        })),
      },
      null,
      2,
    )}\n`;
  }
  if (format === 'csv') {
    const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    const lines = ['policy,metric,mean,ci_low,ci_high,n'];
    const row = (policy: string, metric: string, e: Estimate | undefined): string =>
      [quote(policy), quote(metric), ...(e ? [e.mean, e.mean - e.halfWidth, e.mean + e.halfWidth, e.n].map(String) : ['', '', '', '0'])].join(',');
    for (const p of data.policies) {
      for (const c of cols) lines.push(row(p.policy, exportedKey(c.key, c.scale), p.metrics[c.key as MetricKey]));
      for (const [name, e] of Object.entries(p.services)) lines.push(row(p.policy, `availability:${name}`, e));
    }
    return `${lines.join('\n')}\n`;
  }
  const main = [['policy', ...cols.map((c) => c.label)], ...data.policies.map((p) => [p.policy, ...cols.map((c) => cellText(p.metrics[c.key as MetricKey], c.show))])];
  const services = [['availability %', ...data.policies.map((p) => p.policy)], ...result.components.map((name) => [name, ...data.policies.map((p) => cellText(p.services[name], percent))])];
  const exhausted = data.policies.filter((p) => p.budgetExhausted > 0).map((p) => `${p.policy}: ${p.budgetExhausted} of ${p.runs} runs hit the event budget`);
  const header = `${data.scenario}: ${data.runsPerPolicy} runs per policy (seeds ${data.seeds}), mean ±95 % CI across seeds`;
  const notes = [
    'avail % = time serving (running, ready, past its warm-up) / run time, averaged over components; up % = time running / run time;',
    'downtime = time the system was not up after first boot;',
    'TTR = time from a component failure to running again (median and p95 within a run, averaged over runs with failures).',
    ...exhausted,
  ];
  if (format === 'markdown') return `**${header}**\n\n${markdownTable(main)}\n\n${markdownTable(services)}\n\n${notes.map((n) => `_${n}_`).join('\n')}\n`;
  return `${header}\n\n${aligned(main)}\n\n${aligned(services)}\n\n${notes.join('\n')}\n`;
}
