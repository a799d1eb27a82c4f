import { describe, expect, test } from 'vitest';
import { ScenarioError } from '../../sim/format/errors.js';
import { runYaml, scenarioFrom } from '../helpers/scenario.js';

const flaky = (heal: string) => `
name: heal phase
duration: 2h
${heal}
components:
  - { name: e1000d, kind: driver, restart: { when: on-failure, delay: 1s } }
faults:
  - { rate: 60/h, crash: e1000d }
  - { when: { record: restart, component: e1000d }, after: 30min, kill: e1000d, times: 1000 }
`;

describe('the heal phase', () => {
  test('no fault, stochastic or triggered, is injected from `heal` on', () => {
    const trace = runYaml(flaky('heal: 1h'));
    const faults = trace.records.filter((r) => r.type === 'fault');
    expect(faults.length).toBeGreaterThan(20);
    expect(faults.every((r) => r.t < 3_600_000_000)).toBe(true);
  });

  test('without it the same faults keep coming to the end', () => {
    const trace = runYaml(flaky(''));
    expect(trace.records.some((r) => r.type === 'fault' && r.t >= 3_600_000_000)).toBe(true);
  });

  test('a scripted fault inside the heal phase is an error that says so', () => {
    expect(() => scenarioFrom(`
name: x
duration: 1h
heal: 30min
components: [{ name: a }]
faults:
  - { at: 40min, crash: a }
`)).toThrow(ScenarioError);
  });
});
