import { describe, expect, it } from 'vitest';
import { explore } from '../../sim/explore/explore.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import { INVARIANTS } from '../../sim/checks/invariants/index.js';

/** The policy invariants, from the registry: a restart storm may break any of them (and a new one breaks no test here). */
const POLICY = new Set(INVARIANTS.filter((i) => i.kind === 'policy').map((i) => i.id));
import { scenarioOf } from '../helpers/trace-builder.js';

const SEARCH = { seed: 1, runs: 60, kinds: ['crash_loop'] } as const;

/** A sound model obeying a policy that restarts at once, forever: a restart loop, judged by a policy invariant. */
const STORM = loadScenarioFile('scenarios/flawed/restart-storm.yaml');

describe('policy invariants in recsim explore', () => {
  it('a run still reports a policy violation in its summary, with its kind', () => {
    const loop = scenarioOf(`
name: t
duration: 1min
components:
  - { name: flaky, restart: { when: always, delay: 0s } }
faults:
  - { when: { record: state, component: flaky }, crash: flaky, times: 1000 }
`);
    const violations = simulate(loop).summary.violations;
    expect(violations.map((v) => [v.invariant, v.kind])).toContainEqual(['no-restart-livelock', 'policy']);
    // Only policy invariants (a sound model): whichever of them the registry holds.
    expect(violations.every((v) => POLICY.has(v.invariant) && v.kind === 'policy')).toBe(true);
  });

  it('is not a finding: the search goes on, and counts the runs that broke it', () => {
    const report = explore(STORM, SEARCH);
    expect(report.finding).toBeUndefined();
    expect(report.runsDone).toBe(SEARCH.runs);
    expect(report.policy).toBe(false);
    expect(report.policyViolations['no-restart-livelock']).toBeGreaterThan(0);
  });

  it('is a finding when the search is asked to judge policies (--policy)', () => {
    const report = explore(STORM, { ...SEARCH, policy: true });
    expect(report.finding?.failure).toMatchObject({ kind: 'violation', violation: { kind: 'policy' } });
    expect(report.finding?.failure.kind === 'violation' && POLICY.has(report.finding.failure.invariant)).toBe(true);
    expect(report.policyViolations).toEqual({});
  });

  it('safety violations are findings as before', () => {
    const flawed = loadScenarioFile('scenarios/flawed/simultaneous-shutdown.yaml');
    const report = explore(flawed, { seed: 1, runs: 100, kinds: ['shutdown'] });
    expect(report.finding?.failure).toMatchObject({ kind: 'violation', violation: { kind: 'safety' } });
  });
});
