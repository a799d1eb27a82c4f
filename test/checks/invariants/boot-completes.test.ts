import { describe, expect, it } from 'vitest';
import { simulate } from '../../../sim/simulate.js';
import { scenarioOf } from '../../helpers/trace-builder.js';

/**
 * boot-completes (R4): a boot that cannot complete says why. These stories
 * were found by `recsim explore` and the sound-model property once the
 * invariant existed: each left a start waiting without a word.
 */

function run(yaml: string) {
  const trace = simulate(scenarioOf(yaml));
  return {
    violations: trace.summary.violations.map((v) => `${v.invariant}: ${v.message}`),
    refused: trace.records.filter((r) => r.type === 'start-refused').map((r) => (r.type === 'start-refused' ? `${r.component} missing ${r.missing.join(',')}` : '')),
    completed: trace.records.some((r) => r.type === 'boot-completed'),
  };
}

describe('a boot that cannot complete names what blocks it', () => {
  it('a dependency destroyed before it ever started refuses the start waiting for it', () => {
    const r = run(`
name: destroyed before start
duration: 1min
components:
  - { name: coremon, kind: monitor }
  - { name: ahcid, kind: driver, monitor: coremon }
  - { name: redoxfs, monitor: coremon, depends: [ahcid] }
faults:
  - { at: 0s, destroy: ahcid }
`);
    expect(r.completed).toBe(false);
    expect(r.refused).toEqual(['redoxfs missing ahcid,coremon']); // at 0 s its monitor is not running yet either
    expect(r.violations).toEqual([]);
  });

  it('a dependency refused itself blocks, in turn, a start that was waiting on another one', () => {
    // c2 waits for c0 (first missing); c1 is refused because its monitor is left down; when c0
    // runs, what c2 still misses is c1, refused itself: c2 is refused too, naming it.
    const r = run(`
name: refused behind a refusal
duration: 1min
components:
  - { name: mon, kind: monitor, restart: never }
  - { name: c0, start_latency: 2s }
  - { name: c1, monitor: mon }
  - { name: c2, depends: [c0, c1] }
faults:
  - { at: 0s, fail_start: mon }
`);
    expect(r.completed).toBe(false);
    expect(r.refused).toEqual(['c1 missing mon', 'c2 missing c1']);
    expect(r.violations).toEqual([]);
  });

  it('a start job dropped for a unit that fails to start says why for good, though that unit runs later', () => {
    // systemd: proxy BindsTo=db, After=db; db fails its start at 1 s, so proxy's start job fails with it and is
    // gone (JOB_DEPENDENCY). An operator starts db at 30 s; nothing starts proxy again: it stays down, as in systemd.
    const r = run(`
name: dropped start job
duration: 2min
components:
  - { name: proxy.service, binds_to: [db.service], after: [db.service] }
  - { name: db.service, restart: no, start_latency: 1s }
faults:
  - { at: 0s, fail_start: db.service }
  - { at: 30s, operator: db.service, action: start }
`);
    expect(r.completed).toBe(false);
    expect(r.refused).toEqual(['proxy.service missing db.service']);
    // Neither boot-completes nor recovers-after-faults takes the dropped job for a silent wait.
    expect(r.violations).toEqual([]);
  });

  it('is quiet about a boot that completes', () => {
    const r = run(`
name: plain boot
duration: 1min
components:
  - { name: a }
  - { name: b, depends: [a] }
`);
    expect(r.completed).toBe(true);
    expect(r.violations).toEqual([]);
  });
});
