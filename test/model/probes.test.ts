import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

/** Kubernetes probes in the model (sim/model/reactors/probes.ts): stories of one component each. */
describe('a liveness probe finds a hung process', () => {
  test('the process hangs at 29 s; probes at 30, 40, 50 s time out; SIGTERM at 51 s, SIGKILL 30 s later, restarted', () => {
    const trace = runYaml(`
name: hung under a liveness probe
duration: 2min
components:
  - { name: web, restart: always, start_latency: 0s, probes: { liveness: { period: 10s } } }
faults:
  - { at: 29s, hang: web }
`);
    // The worker ticks every 10 s from the boot (worker.go `run`); a hung process answers nothing, so
    // each probe fails at its 1 s timeout; the kill waits terminationGracePeriodSeconds (30 s).
    expect(story(trace, ['probe', 'detected', 'stop-requested', 'killed', 'restart'])).toEqual([
      '31.000s probe web',
      '41.000s probe web',
      '51.000s probe web',
      '51.000s detected web init:liveness-probe',
      '51.000s stop-requested web probe',
      '81.000s killed web',
      '81.000s restart web',
    ]);
  });
});

describe("warmup is counted from each start, on the worker's own grid", () => {
  test('a liveness probe with threshold 1 during a 10 s warmup stops every start at its first probe', () => {
    const trace = runYaml(`
name: warmup longer than the first probe
duration: 30s
components:
  - { name: db, restart: { when: always, delay: 1s }, start_latency: 0s, warmup: 10s, probes: { liveness: { initial_delay: 2s, period: 1s, failure_threshold: 1 } } }
`);
    // Ticks every second from 0 s; a tick less than 2 whole seconds after the start is skipped; the
    // probe fails at once (not listening yet); SIGTERM ends it 50 ms later; restarted 1 s after:
    // stopped at 2 s, running again at 3.05 s, whose 4 and 5 s ticks are 0.95 and 1.95 s in (skipped),
    // stopped at 6 s, ...
    expect(story(trace, ['stop-requested'])).toEqual(['2.000s stop-requested db probe', '6.000s stop-requested db probe', '10.000s stop-requested db probe', '14.000s stop-requested db probe', '18.000s stop-requested db probe', '22.000s stop-requested db probe', '26.000s stop-requested db probe']);
  });

  test('a probe while the process is not listening yet fails at once, not at its timeout', () => {
    const trace = runYaml(`
name: not listening yet
duration: 30s
components:
  - { name: db, restart: always, start_latency: 0s, warmup: 10.5s, probes: { liveness: { initial_delay: 10s, timeout: 1s, failure_threshold: 1 } } }
`);
    // The 10 s tick finds it 0.5 s short of listening: refused at 10 s (it would have answered within the 1 s timeout).
    expect(story(trace, ['probe', 'stop-requested'])).toEqual(['10.000s probe db', '10.000s stop-requested db probe']);
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
