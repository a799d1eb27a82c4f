import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

/**
 * systemd's ordering is not requirement (sim/scenario/edges.ts,
 * src/core/unit-dependency-atom.c): After= orders start jobs only, Requires=
 * and Wants= pull units in, Requires=/Requisite= carry stop and restart jobs,
 * BindsTo= stops with the other unit, `start: on-demand` waits for a start.
 */
describe('ordering and requirement', () => {
  test('After= at boot: a unit declared first waits for the start under way of the one it is ordered after', () => {
    const trace = runYaml(`
name: ordered boot
duration: 10s
components:
  - { name: web, after: [db] }
  - { name: db, start_latency: 1s }
`);
    expect(story(trace, ['state', 'boot-completed'])).toEqual([
      '0.000s state db stopped->starting',
      '1.000s state db starting->running',
      '1.000s state web stopped->starting',
      '1.100s state web starting->running',
      '1.100s boot-completed',
    ]);
    expect(trace.summary.violations).toEqual([]);
  });

  test('After= alone is no need: a unit ordered after one that fails to start starts anyway, and survives its death', () => {
    const trace = runYaml(`
name: ordering only
duration: 30s
components:
  - { name: web, after: [db], restart: on-failure }
  - { name: db, restart: no }
faults:
  - { at: 0s, fail_start: db }
  - { at: 10s, crash: web, exit_code: 1 }
`);
    expect(story(trace, ['state', 'start-refused'])).toEqual([
      '0.000s state db stopped->starting',
      '0.100s state db starting->stopped',
      '0.100s state web stopped->starting',
      '0.200s state web starting->running',
      '10.000s state web running->stopped',
      '10.000s state web stopped->starting',
      '10.100s state web starting->running',
    ]);
  });

  test('Wants= pulls in and propagates nothing; Requires= pulls in and carries a stop job; a crash stops neither', () => {
    const trace = runYaml(`
name: pulls
duration: 1min
components:
  - { name: wanting, start: on-demand, wants: [db], after: [db] }
  - { name: requiring, start: on-demand, requires: [db], after: [db] }
  - { name: db, start: on-demand, restart: { when: on-failure, delay: 1s } }
faults:
  - { at: 5s, operator: wanting, action: start }
  - { at: 6s, operator: requiring, action: start }
  - { at: 10s, crash: db, exit_code: 1 }
  - { at: 20s, operator: db, action: stop }
`);
    expect(story(trace, ['decision', 'state'])).toEqual([
      '5.000s decision db init:start',
      '5.000s state db stopped->starting',
      '5.100s state db starting->running',
      '5.100s state wanting stopped->starting',
      '5.200s state wanting starting->running',
      '6.000s state requiring stopped->starting',
      '6.100s state requiring starting->running',
      '10.000s state db running->stopped',
      '10.000s decision db init:restart',
      '11.000s state db stopped->starting',
      '11.000s decision requiring init:try-restart',
      '11.000s state requiring running->stopping',
      '11.050s state requiring stopping->stopped',
      '11.100s state db starting->running',
      '11.100s state requiring stopped->starting',
      '11.200s state requiring starting->running',
      '20.000s state db running->stopping',
      '20.000s decision requiring init:stop',
      '20.000s state requiring running->stopping',
      '20.050s state db stopping->stopped',
      '20.050s state requiring stopping->stopped',
    ]);
    expect(trace.summary.finalStates).toMatchObject({ wanting: 'running', requiring: 'stopped', db: 'stopped' });
    expect(trace.summary.violations).toEqual([]);
  });

  test('Requisite= refuses a start while the unit is down, and the refused start is gone', () => {
    const trace = runYaml(`
name: requisite
duration: 30s
components:
  - { name: mon, start: on-demand, requisite: [db], after: [db] }
  - { name: db, start: on-demand }
faults:
  - { at: 5s, operator: mon, action: start }
  - { at: 10s, operator: db, action: start }
  - { at: 15s, operator: mon, action: start }
`);
    expect(story(trace, ['start-refused', 'state'])).toEqual([
      '5.000s start-refused mon db',
      '10.000s state db stopped->starting',
      '10.100s state db starting->running',
      '15.000s state mon stopped->starting',
      '15.100s state mon starting->running',
    ]);
  });

  test('an on-demand unit stays down at boot, and the boot completes without it', () => {
    const trace = runYaml(`
name: on demand
duration: 10s
components:
  - { name: svc }
  - { name: handler, start: on-demand }
`);
    expect(story(trace, ['state', 'boot-completed'])).toEqual([
      '0.000s state svc stopped->starting',
      '0.100s state svc starting->running',
      '0.100s boot-completed',
    ]);
    expect(trace.summary.violations).toEqual([]);
  });
});
