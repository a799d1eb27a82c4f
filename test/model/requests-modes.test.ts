import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';

/**
 * Issue 22 item 1: requests counted as arithmetic (the arrival tree, at state
 * changes) and requests simulated one event each (per-request mode) are two
 * ways of counting one Poisson stream, so over many seeds the distributions
 * of what each run reports must agree. A two-sample Kolmogorov-Smirnov test
 * per figure, at a significance of 0.001: the statistic and the threshold are
 * printed. It has teeth: the same test rejects an arithmetic mode whose
 * service time is off by half.
 */

const SEEDS = 1000;
/** c(alpha) for the two-sample KS test at alpha = 0.001: sqrt(-ln(alpha / 2) / 2). */
const C_ALPHA = Math.sqrt(-Math.log(0.001 / 2) / 2);

function scenarioText(mode: 'arithmetic' | 'per-request', charServiceTime = '200ms'): string {
  return `name: requests in both modes
duration: 5min
system: { heartbeat_period: 2s }
components:
  - { name: mon, kind: monitor }
  - name: serial
    kind: driver
    monitor: mon
    restart: { when: always, delay: 1s }
    requests: { rate: 5/s, service_time: ${charServiceTime}, clients: char, mode: ${mode} }
  - name: disk
    kind: driver
    monitor: mon
    restart: { when: always, delay: 2s }
    requests: { rate: 5/s, service_time: 100ms, clients: block, mode: ${mode} }
faults:
  - { rate: 60/h, crash: serial, exit_code: 1 }
  - { rate: 30/h, hang: serial }
  - { rate: 60/h, crash: disk, exit_code: 1 }
  - { rate: 30/h, hang: disk }
`;
}

interface Figures {
  lost: number[];
  refused: number[];
  delayed: number[];
  delayS: number[];
}

function figures(text: string): Figures {
  const scenario = parseScenario(text, 'modes.yaml');
  const out: Figures = { lost: [], refused: [], delayed: [], delayS: [] };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const s = simulate(scenario, { seed, maxRecordsInMemory: 0 }).summary;
    out.lost.push(s.lostRequests);
    out.refused.push(s.refusedRequests ?? 0);
    out.delayed.push(s.delayedRequests ?? 0);
    out.delayS.push((s.requestDelayUs ?? 0) / 1e6);
  }
  return out;
}

/** The two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical distribution functions. */
function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

function ksThreshold(n: number, m: number): number {
  return C_ALPHA * Math.sqrt((n + m) / (n * m));
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

describe('requests: arithmetic and per-request modes agree in distribution', () => {
  const perRequest = figures(scenarioText('per-request'));
  const arithmetic = figures(scenarioText('arithmetic'));

  test.each(['lost', 'refused', 'delayed', 'delayS'] as const)('%s per run: two-sample KS over 1,000 seeds', (figure) => {
    const d = ksStatistic(perRequest[figure], arithmetic[figure]);
    const threshold = ksThreshold(SEEDS, SEEDS);
    console.log(`requests ${figure}: KS D = ${d.toFixed(4)}, threshold ${threshold.toFixed(4)} (alpha 0.001, n = m = ${SEEDS}); ` +
      `means per-request ${mean(perRequest[figure]).toFixed(2)}, arithmetic ${mean(arithmetic[figure]).toFixed(2)}`);
    // Something to compare: every figure is non-zero in most runs.
    expect(perRequest[figure].filter((v) => v > 0).length).toBeGreaterThan(SEEDS / 2);
    expect(d).toBeLessThan(threshold);
  });

  test('teeth: the same test rejects an arithmetic mode whose service time is off by half', () => {
    const wrong = figures(scenarioText('arithmetic', '100ms'));
    const d = ksStatistic(perRequest.lost, wrong.lost);
    console.log(`teeth, lost with half the service time: KS D = ${d.toFixed(4)}, threshold ${ksThreshold(SEEDS, SEEDS).toFixed(4)}`);
    expect(d).toBeGreaterThan(ksThreshold(SEEDS, SEEDS));
  });
});
