import { describe, expect, it } from 'vitest';
import { firstDivergence } from '../../sim/explore/determinism.js';
import { explore } from '../../sim/explore/explore.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';

describe('--check-determinism', () => {
  it('names the first record where two traces of the same input differ', () => {
    const scenario = loadScenarioFile('scenarios/netstack-reboot.yaml');
    const a = simulate(scenario);
    const b = simulate(scenario);
    expect(firstDivergence(a, b)).toBeUndefined();
    const tampered = { ...b, records: b.records.map((r, i) => (i === 7 ? { ...r, t: r.t + 1 } : r)) };
    expect(firstDivergence(a, tampered)?.recordIndex).toBe(7);
    const shorter = { ...b, records: b.records.slice(0, 10) };
    expect(firstDivergence(a, shorter)?.recordIndex).toBe(10);
  });

  it('finds no divergence in the model over an explored search', () => {
    const report = explore(loadScenarioFile('scenarios/flawed/simultaneous-shutdown.yaml'), {
      seed: 3,
      runs: 60,
      checkDeterminism: true,
      kinds: ['crash', 'kill', 'hang', 'fail_start', 'destroy'],
    });
    expect(report.checkDeterminism).toBe(true);
    expect(report.finding).toBeUndefined();
    expect(report.runsDone).toBe(60);
  });
});
