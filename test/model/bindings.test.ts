import { describe, expect, test } from 'vitest';
import { runYaml } from '../helpers/scenario.js';

/**
 * systemd BindsTo=/PartOf= through the model: a stop that a policy asks for
 * (here an OTP supervisor that gives up and stops its children) is a stop job,
 * and propagates like an operator's; a group restart is a restart job, and
 * try-restarts what is bound to or part of the restarted unit.
 */
const stack = (strategy: string, intensity: number) => `
name: a policy stops what web is bound to
duration: 30s
components:
  - { name: sup, kind: supervisor, restart: never, supervisor: { strategy: ${strategy}, intensity: ${intensity}, period: 5s } }
  - { name: db, monitor: sup, restart: { when: always, delay: 0s } }
  - { name: worker, monitor: sup, restart: { when: always, delay: 0s } }
  - { name: web, restart: { when: always, delay: 1s }, binds_to: [db] }
  - { name: api, restart: { when: always, delay: 1s }, part_of: [db] }
faults:
  - { at: 5s, crash: worker, exit_code: 1 }
`;

const stopsOf = (yaml: string, name: string): string[] =>
  runYaml(yaml).records.filter((r) => r.type === 'decision' && r.component === name && (r.action === 'stop' || r.action === 'try-restart')).map((r) => (r.type === 'decision' ? r.action : ''));

describe('BindsTo=/PartOf= follow the stops and restarts a policy asks for', () => {
  test('a supervisor that gives up stops its children: the stop propagates to BindsTo= and PartOf= units, which stay down', () => {
    const yaml = stack('one_for_all', 0);
    const trace = runYaml(yaml);
    expect(stopsOf(yaml, 'web')).toEqual(['stop']);
    expect(stopsOf(yaml, 'api')).toEqual(['stop']);
    expect(trace.summary.finalStates['web']).toBe('stopped');
    expect(trace.summary.finalStates['api']).toBe('stopped');
  });

  test('one_for_all restarts db with worker: a restart job, so web and api are try-restarted and run again', () => {
    const yaml = stack('one_for_all', 3);
    const trace = runYaml(yaml);
    expect(stopsOf(yaml, 'web')).toEqual(['try-restart']);
    expect(stopsOf(yaml, 'api')).toEqual(['try-restart']);
    expect(trace.summary.finalStates['web']).toBe('running');
    expect(trace.summary.finalStates['api']).toBe('running');
  });

  test('one_for_one restarts worker alone: nothing bound to db moves', () => {
    const yaml = stack('one_for_one', 3);
    expect([...stopsOf(yaml, 'web'), ...stopsOf(yaml, 'api')]).toEqual([]);
  });
});
