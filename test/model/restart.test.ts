import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

const driverWith = (restart: string, fault: string) => `
name: restart story
duration: 10s
components:
  - { name: mon, kind: monitor }
  - { name: ahcid, kind: driver, monitor: mon, restart: ${restart} }
faults:
  - ${fault}
`;

describe('a basic monitor restarts by its policy', () => {
  test('a crashed driver is detected, restarted after its delay, and runs again', () => {
    const trace = runYaml(driverWith('{ when: on-failure, delay: 500ms }', '{ at: 2s, crash: ahcid, exit_code: 3 }'));
    expect(story(trace, ['fault', 'terminated', 'detected', 'decision', 'restart', 'state']).filter((l) => l.includes('ahcid') && !l.startsWith('0.'))).toEqual([
      '2.000s fault ahcid crash',
      '2.000s terminated ahcid exit 3',
      '2.000s state ahcid running->stopped',
      '2.000s detected ahcid mon:exit',
      '2.000s decision ahcid mon:restart',
      '2.500s restart ahcid',
      '2.500s state ahcid stopped->starting',
      '2.600s state ahcid starting->running',
    ]);
    expect(trace.summary.restarts.total).toBe(1);
  });

  test('exit code 0 is "stopped properly": on-failure leaves it stopped (R1)', () => {
    const trace = runYaml(driverWith('on-failure', '{ at: 2s, exit: ahcid }'));
    expect(trace.summary.restarts.total).toBe(0);
    expect(trace.summary.finalStates.ahcid).toBe('stopped');
    expect(story(trace, ['decision'])).toEqual(['2.000s decision ahcid mon:none']);
  });

  test('always restarts even a clean exit', () => {
    const trace = runYaml(driverWith('always', '{ at: 2s, exit: ahcid }'));
    expect(trace.summary.restarts.total).toBe(1);
    expect(trace.summary.finalStates.ahcid).toBe('running');
  });

  test('never leaves a crashed component stopped', () => {
    const trace = runYaml(driverWith('never', '{ at: 2s, kill: ahcid }'));
    expect(trace.summary.restarts.total).toBe(0);
    expect(trace.summary.finalStates.ahcid).toBe('stopped');
  });

  test('a policy with a restart limit gives up and marks the component failed', () => {
    const trace = runYaml(`
name: give up
duration: 1min
components:
  - { name: ahcid, kind: driver, restart: { when: on-failure, delay: 1s, max_restarts: 2 } }
faults:
  - { rate: 3600/h, crash: ahcid }
`);
    expect(trace.summary.restarts.total).toBe(2);
    expect(trace.summary.finalStates.ahcid).toBe('failed');
    expect(story(trace, ['decision']).at(-1)).toMatch(/decision ahcid init:give-up/);
  });

  test('a terminated component whose monitor is down is handled when the monitor returns', () => {
    const trace = runYaml(`
name: monitor away
duration: 20s
components:
  - { name: mon, kind: monitor, restart: { when: on-failure, delay: 5s } }
  - { name: ahcid, kind: driver, monitor: mon, restart: on-failure }
faults:
  - { at: 2s, crash: mon }
  - { at: 3s, crash: ahcid }
`);
    expect(story(trace, ['detected', 'restart'])).toEqual([
      '2.000s detected mon init:exit',
      '7.000s restart mon',
      '7.100s detected ahcid mon:exit',
      '7.100s restart ahcid',
    ]);
  });

  test('a hung component is found by the heartbeat, killed and restarted (R3)', () => {
    const trace = runYaml(`
name: hang
duration: 20s
system: { heartbeat_period: 3s }
components:
  - { name: audiod, kind: driver, restart: on-failure, requests: { rate: 100/s, service_time: 10ms, clients: char } }
faults:
  - { at: 4s, hang: audiod }
`);
    expect(story(trace, ['fault', 'detected', 'killed', 'terminated', 'requests-lost', 'restart'])).toEqual([
      '4.000s fault audiod hang',
      '6.000s detected audiod init:heartbeat',
      '6.000s killed audiod',
      '6.000s terminated audiod missed-heartbeat',
      expect.stringMatching(/^6\.000s requests-lost audiod \d+$/),
      '6.000s restart audiod',
    ]);
    expect(trace.summary.lostRequests).toBeGreaterThan(150); // about 2 s of requests stuck at 100/s
  });
});

test('a zero-delay restart loop ends the run with "event budget exhausted"', () => {
  const trace = runYaml(`
name: loop
duration: 1h
event_budget: 5000
components:
  - { name: a, restart: { when: always, delay: 0s } }
  - { name: b, restart: { when: always, delay: 0s } }
faults:
  - { when: { record: restart, component: a }, crash: a, times: 100000 }
  - { at: 1s, crash: a }
`);
  expect(trace.summary.outcome).toBe('event-budget-exhausted');
  expect(trace.records.at(-1)).toMatchObject({ type: 'run-ended', outcome: 'event-budget-exhausted' });
});
