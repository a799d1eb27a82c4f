import { describe, expect, test } from 'vitest';
import { ScenarioError } from '../../sim/format/errors.js';
import { runYaml, scenarioFrom, story } from '../helpers/scenario.js';

const system = `
name: slow start
duration: 20s
components:
  - { name: x, start_latency: 100ms, restart: { when: on-failure, delay: 0s } }
`;

function rejection(yaml: string): string {
  try {
    scenarioFrom(yaml);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error('the scenario was accepted');
}

describe('slow_start: X\'s next start takes factor times its start latency', () => {
  test('the restart after a crash takes 20 x 100 ms; the start after it is back to 100 ms (used up once)', () => {
    const trace = runYaml(`${system}faults:
  - { at: 5s, slow_start: x, factor: 20 }
  - { at: 6s, crash: x }
  - { at: 10s, crash: x }
`);
    expect(story(trace, ['fault', 'restart', 'state']).filter((line) => !line.startsWith('0.'))).toEqual([
      '5.000s fault x slow-start',
      '6.000s fault x crash',
      '6.000s state x running->stopped',
      '6.000s restart x',
      '6.000s state x stopped->starting',
      '8.000s state x starting->running',
      '10.000s fault x crash',
      '10.000s state x running->stopped',
      '10.000s restart x',
      '10.000s state x stopped->starting',
      '10.100s state x starting->running',
    ]);
    expect(trace.records.find((r) => r.type === 'fault' && r.fault === 'slow-start')).toMatchObject({ component: 'x', factor: 20 });
  });

  test('without a factor the next start takes 10 times as long', () => {
    const trace = runYaml(`${system}faults:
  - { at: 5s, slow_start: x }
  - { at: 6s, crash: x }
`);
    expect(story(trace, ['state']).filter((line) => line.startsWith('7.') || line.startsWith('6.'))).toEqual([
      '6.000s state x running->stopped',
      '6.000s state x stopped->starting',
      '7.000s state x starting->running',
    ]);
  });

  test('an exit code does not apply to it, and its factor must be above 0: each refused at the field', () => {
    expect(rejection(`${system}faults:
  - { at: 5s, slow_start: x, exit_code: 3 }
`)).toBe('inline.yaml:7:30 faults[0].exit_code: `exit_code` does not apply to a slow_start fault (it applies to crash, exit)');
    expect(rejection(`${system}faults:
  - { at: 5s, slow_start: x, factor: 0 }
`)).toBe('inline.yaml:7:38 faults[0].factor: must be above 0: the next start takes `factor` times its start latency');
  });
});
