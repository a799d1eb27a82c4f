import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

/** Kubernetes probes in the model (sim/model/reactors/probes.ts): stories of one component each. */
describe('a liveness probe finds a hung process', () => {
  test('the process hangs at 30 s; probes at 30, 40, 50 s time out; killed at 51 s and restarted', () => {
    const trace = runYaml(`
name: hung under a liveness probe
duration: 1min
components:
  - { name: web, restart: always, start_latency: 0s, probes: { liveness: { period: 10s } } }
faults:
  - { at: 29s, hang: web }
`);
    expect(story(trace, ['probe', 'detected', 'killed', 'restart'])).toEqual([
      '31.000s probe web',
      '41.000s probe web',
      '51.000s probe web',
      '51.000s detected web init:liveness-probe',
      '51.000s killed web',
      '51.000s restart web',
    ]);
  });
});

describe('warmup is counted from each start', () => {
  test('a liveness probe with threshold 1 during a 10 s warmup kills every start at the first probe', () => {
    const trace = runYaml(`
name: warmup longer than the first probe
duration: 30s
components:
  - { name: db, restart: { when: always, delay: 1s }, start_latency: 0s, warmup: 10s, probes: { liveness: { initial_delay: 2s, failure_threshold: 1 } } }
`);
    // Killed at 3 s (probe at 2 s, 1 s timeout), restarted at 4 s, killed at 7 s, ...
    expect(story(trace, ['killed'])).toEqual(['3.000s killed db', '7.000s killed db', '11.000s killed db', '15.000s killed db', '19.000s killed db', '23.000s killed db', '27.000s killed db']);
  });

  test('a probe answered within its timeout at the end of the warmup succeeds', () => {
    const trace = runYaml(`
name: warm just in time
duration: 30s
components:
  - { name: db, restart: always, start_latency: 0s, warmup: 10.5s, probes: { liveness: { initial_delay: 10s, timeout: 1s, failure_threshold: 1 } } }
`);
    expect(trace.records.filter((r) => r.type === 'probe')).toEqual([]);
    expect(trace.summary.restarts.total).toBe(0);
  });
});

describe('probes and a shutdown', () => {
  test('probes stop with the system: nothing is probed, killed or restarted during a graceful reboot', () => {
    const trace = runYaml(`
name: reboot while warming up
duration: 40s
components:
  - { name: db, restart: always, warmup: 60s, probes: { liveness: { initial_delay: 0s, period: 1s, failure_threshold: 5 } } }
faults:
  - { at: 3s, shutdown: user-request }
`);
    const killed = trace.records.filter((r) => r.type === 'killed');
    expect(killed.every((r) => r.t < 3_000_000 || r.t >= 4_000_000)).toBe(true);
    expect(trace.summary.violations).toEqual([]);
  });
});

describe('a dependent waiting for readiness', () => {
  const yaml = (fault: string) => `
name: a provider that never becomes ready
duration: 2min
system: { on_dependency_stop: stop-dependents }
components:
  - { name: postgres, preset: k8s-crashloop, warmup: 12s, probes: { readiness: { initial_delay: 5s, period: 5s, success_threshold: 2 } } }
  - { name: apiserver, depends: [postgres], preset: k8s-crashloop }
faults:
  - ${fault}
`;

  test('waits without a refusal while the provider runs unready, and the checkers read why from its probe records (found by recsim explore)', () => {
    // postgres hangs at 3 s, before it is ready, and nothing kills it (no liveness probe, no heartbeat).
    const trace = runYaml(yaml('{ at: 3s, hang: postgres }'));
    expect(story(trace, ['start-refused'])).toEqual([]);
    expect(trace.summary.finalStates['apiserver']).toBe('stopped');
    // The model is sound (no model invariant breaks); the policy is not: a hang nothing watches is never recovered from.
    expect(trace.summary.violations.map((v) => [v.invariant, v.kind])).toEqual([['recovers-from-single-fault', 'policy']]);
  });

  test('a provider restarted and still warming up is not a reason to refuse the dependent', () => {
    const trace = runYaml(yaml('{ at: 30s, crash: postgres }'));
    expect(story(trace, ['start-refused'])).toEqual([]);
    expect(trace.summary.finalStates['apiserver']).toBe('running');
    expect(trace.summary.violations).toEqual([]);
  });
});
