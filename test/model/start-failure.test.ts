import { describe, expect, test } from 'vitest';
import { failsWithStartOf } from '../../sim/model/start-failure.js';
import { buildTopology } from '../../sim/model/topology.js';
import { runYaml, scenarioFrom, story } from '../helpers/scenario.js';

/**
 * systemd job_fail_dependencies() (src/core/job.c): a failed start job fails
 * the start jobs waiting on it through Requires= or BindsTo= and After=
 * (UNIT_ATOM_PROPAGATE_START_FAILURE, src/core/unit-dependency-atom.c).
 */
describe('a failed start job fails the start jobs ordered after it through Requires=/BindsTo=', () => {
  test('which edges carry it: Requires= or BindsTo= with After=; not Wants=, not Requires= alone, not After= alone', () => {
    const topo = buildTopology(
      scenarioFrom(`
name: edges
duration: 10s
components:
  - { name: req-after, requires: [db], after: [db] }
  - { name: bound-after, binds_to: [db], after: [db] }
  - { name: want-after, wants: [db], after: [db] }
  - { name: req-only, requires: [db] }
  - { name: after-only, after: [db] }
  - { name: db }
`),
    );
    const at = (name: string) => topo.index.get(name)!;
    const db = at('db');
    expect(['req-after', 'bound-after', 'want-after', 'req-only', 'after-only'].map((w) => [w, failsWithStartOf(topo, at(w), db)])).toEqual([
      ['req-after', true],
      ['bound-after', true],
      ['want-after', false],
      ['req-only', false],
      ['after-only', false],
    ]);
  });

  test('the failure travels down a chain, and the failed jobs are gone: db restarting later starts none of them', () => {
    const trace = runYaml(`
name: chain
duration: 30s
components:
  - { name: c, requires: [b], after: [b] }
  - { name: b, requires: [a], after: [a] }
  - { name: a, requires: [db], after: [db] }
  - { name: db, restart: { when: on-failure, delay: 1s } }
faults:
  - { at: 0s, fail_start: db }
`);
    expect(story(trace, ['state', 'start-refused'])).toEqual([
      '0.000s state db stopped->starting',
      '0.100s state db starting->stopped',
      '0.100s start-refused a db',
      '0.100s start-refused b a',
      '0.100s start-refused c b',
      '1.100s state db stopped->starting',
      '1.200s state db starting->running',
    ]);
  });

  test('a start waiting on another unit first fails all the same when a Requires=+After= unit of it fails to start', () => {
    // app waits for a (slow) and db; it is registered on a, the first missing. db's start job fails at 0.1 s:
    // app's job fails with it then (job_fail_dependencies() reaches every job, registered or not), and a's
    // start at 2 s starts nothing.
    const trace = runYaml(`
name: several missing
duration: 10s
components:
  - { name: app, after: [a, db], requires: [db] }
  - { name: a, start_latency: 2s }
  - { name: db, restart: no }
faults:
  - { at: 0s, fail_start: db }
`);
    expect(story(trace, ['state', 'start-refused'])).toEqual([
      '0.000s state a stopped->starting',
      '0.000s state db stopped->starting',
      '0.100s state db starting->stopped',
      '0.100s start-refused app db',
      '2.000s state a starting->running',
    ]);
  });

  test('a unit ordered After= alone on a unit whose start job failed at boot starts once that job is over', () => {
    // api's job fails with db's (dropped); web waits only for api's job (After=, no requirement): the job is
    // over, so web starts. At boot a unit not started yet counts as being started: not once its job is gone.
    const trace = runYaml(`
name: after a dropped job
duration: 10s
components:
  - { name: web, after: [api] }
  - { name: api, requires: [db], after: [db] }
  - { name: db, restart: no }
faults:
  - { at: 0s, fail_start: db }
`);
    expect(story(trace, ['state', 'start-refused'])).toEqual([
      '0.000s state db stopped->starting',
      '0.100s state db starting->stopped',
      '0.100s start-refused api db',
      '0.100s state web stopped->starting',
      '0.200s state web starting->running',
    ]);
    expect(trace.summary.violations).toEqual([]);
  });

  test('an operator start job fails with the start job it pulled in; Wants= starts all the same', () => {
    const trace = runYaml(`
name: operator start
duration: 30s
components:
  - { name: api, start: on-demand, requires: [db], after: [db] }
  - { name: web, start: on-demand, wants: [db], after: [db] }
  - { name: db, start: on-demand, restart: no, start_latency: 1s }
faults:
  - { at: 0s, fail_start: db }
  - { at: 5s, operator: api, action: start }
  - { at: 5s, operator: web, action: start }
`);
    expect(story(trace, ['state', 'start-refused'])).toEqual([
      '5.000s state db stopped->starting',
      '6.000s state db starting->stopped',
      '6.000s start-refused api db',
      '6.000s state web stopped->starting',
      '6.100s state web starting->running',
    ]);
  });

  test('a start that finished beside the failing one (Requires= without After=) keeps running', () => {
    const trace = runYaml(`
name: no ordering
duration: 10s
components:
  - { name: cache, requires: [db] }
  - { name: db, restart: no, start_latency: 1s }
faults:
  - { at: 0s, fail_start: db }
`);
    expect(story(trace, ['state', 'start-refused'])).toEqual([
      '0.000s state cache stopped->starting',
      '0.000s state db stopped->starting',
      '0.100s state cache starting->running',
      '1.000s state db starting->stopped',
    ]);
  });
});
