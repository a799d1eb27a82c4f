import { describe, expect, test } from 'vitest';
import { runYaml, scenarioFrom, story } from '../helpers/scenario.js';
import { simulate } from '../../sim/simulate.js';

describe('faults', () => {
  test('a triggered fault fires after its delay and names the record that caused it', () => {
    const trace = runYaml(`
name: triggered
duration: 10s
components:
  - { name: a, restart: on-failure }
  - { name: b }
faults:
  - { at: 2s, crash: a }
  - { when: { record: restart, component: a }, after: 250ms, kill: b }
`);
    const restart = trace.records.find((r) => r.type === 'restart')!;
    const triggered = trace.records.find((r) => r.type === 'fault' && r.source === 'triggered')!;
    expect(triggered).toMatchObject({ t: restart.t + 250_000, component: 'b', fault: 'kill', cause: restart.seq });
  });

  test('a fault that fails the next start makes the start fail once', () => {
    const trace = runYaml(`
name: fail start
duration: 10s
components:
  - { name: a, restart: { when: on-failure, delay: 1s } }
faults:
  - { at: 1s, fail_start: a }
  - { at: 2s, crash: a }
`);
    expect(story(trace, ['start-failed', 'restart'])).toEqual(['3.000s restart a', '3.100s start-failed a', '4.100s restart a']);
    expect(trace.summary.finalStates.a).toBe('running');
  });

  describe('stochastic faults come from named seeded streams', () => {
    const yaml = (policyOfB: string) => `
name: stochastic
duration: 2h
components:
  - { name: a, restart: on-failure }
  - { name: b, restart: ${policyOfB} }
faults:
  - { rate: 6/h, crash: a }
  - { rate: 3/h, crash: b }
`;
    const faultTimes = (trace: ReturnType<typeof runYaml>, who: string) =>
      trace.records.filter((r) => r.type === 'fault' && r.component === who).map((r) => r.t);

    test('the same seed draws the same schedule; another seed another one', () => {
      const scenario = scenarioFrom(yaml('on-failure'));
      const one = faultTimes(simulate(scenario, { seed: 11 }), 'a');
      expect(faultTimes(simulate(scenario, { seed: 11 }), 'a')).toEqual(one);
      expect(faultTimes(simulate(scenario, { seed: 12 }), 'a')).not.toEqual(one);
      expect(one.length).toBeGreaterThan(3);
    });

    test("changing one component's policy does not move another's faults (common random numbers)", () => {
      const before = faultTimes(runYaml(yaml('on-failure'), { seed: 5 }), 'a');
      const after = faultTimes(runYaml(yaml('{ when: always, delay: 10min }'), { seed: 5 }), 'a');
      expect(after).toEqual(before);
    });
  });
});
