import { describe, expect, it } from 'vitest';
import { compareProblems, policiesDiffering } from '../../viz/src/layout/compare-check.js';
import { deltaRows, traceTotals } from '../../viz/src/layout/deltas.js';
import { firstDivergence } from '../../viz/src/layout/divergence.js';
import { policyName } from '../../viz/src/layout/policy-name.js';
import { runVerdict } from '../../viz/src/comparison.js';
import { scenarioUnderPolicy } from '../../sim/compare/policy-names.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';

// The storage stack on one seed under two presets: the same faults, different recoveries.
const scenario = loadScenarioFile('scenarios/policies/storage-compare.yaml');
const a = simulate(scenarioUnderPolicy(scenario, 'systemd-default'), { seed: 5 });
const b = simulate(scenarioUnderPolicy(scenario, 'minix-rs'), { seed: 5 });
const totals = (t: TraceFile) => traceTotals(t, t.records, t.summary.endUs);

describe('compare mode', () => {
  it('finds nothing unfair about one scenario and seed under two policies, and says the policies differ', () => {
    expect(compareProblems(a, b)).toEqual([]);
    expect(policiesDiffering(a, b)).toEqual({ differing: 8, of: 8 });
  });

  it('warns when the runs are not of the same scenario, duration and seed', () => {
    const other = simulate(loadScenarioFile('scenarios/netstack-reboot.yaml'));
    const problems = compareProblems(a, other);
    expect(problems[0]).toBe('A and B are different scenarios ("storage stack under stochastic faults" and "netstack crash reboots the device gracefully"): differences are not only the policies\'');
    expect(problems[1]).toBe('A ran 1h and B 2min: B is drawn only up to its end, and totals cover different spans');
    expect(problems.some((p) => p.startsWith('the components differ: only in A coremon, ahcid, redoxfs and 5 more; only in B'))).toBe(true);
    const reseeded = simulate(scenarioUnderPolicy(scenario, 'minix-rs'), { seed: 6 });
    expect(compareProblems(a, reseeded)).toEqual(['A ran seed 5 and B seed 6: random faults and requests differ between them (run both with one --seed)']);
  });

  it('finds the first record where the runs part: a decision taken differently', () => {
    const divergence = firstDivergence(a.records, b.records)!;
    expect(divergence.a?.type).toBe('decision');
    expect(divergence.b?.type).toBe('decision');
    expect(a.records.slice(0, divergence.a!.seq)).toEqual(b.records.slice(0, divergence.a!.seq));
    expect(firstDivergence(a.records, structuredClone(a.records))).toBeUndefined();
  });

  it('puts the totals side by side with B − A and which did better, as recsim compare measures them', () => {
    const rows = deltaRows(totals(a), totals(b));
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row('ungracefulReboots')).toMatchObject({ a: '0', b: '5', delta: '+5', better: 'A' });
    expect(row('availability').better).toBe('B');
    expect(row('gracefulReboots')).toMatchObject({ delta: '±0', better: null });
    expect(row('lostDataBytes').b).toBe('63.4 MB');
  });
});

describe('compare mode names each side and gives a verdict', () => {
  it('names a run by the preset it ran under', () => {
    expect(policyName(a)).toBe('systemd-default');
    expect(policyName(b)).toBe('minix-rs');
  });

  it('says minix-rs wins on availability and systemd-default on reboots, on the same faults', () => {
    const v = runVerdict([policyName(a), policyName(b)], totals(a), totals(b));
    expect(v.winner).toBe('B');
    expect(v.decidedBy).toBe('availability');
    expect(v.text).toMatch(/^minix-rs \(B\) is better than systemd-default \(A\): availability \d+\.\d{3}% against \d+\.\d{3}%\. systemd-default \(A\) did better on reboots \(0 against 5\)/);
  });

  it('finds one run against itself no better', () => {
    expect(runVerdict(['x', 'x'], totals(a), totals(a)).text).toBe('No winner: x (A) and x (B) measure the same.');
  });
});
