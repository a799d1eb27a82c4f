import { describe, expect, it } from 'vitest';
import { simulate } from '../../../sim/simulate.js';
import { scenarioOf } from '../../helpers/trace-builder.js';
import { broken, booted } from './fixture.js';

/**
 * F10 loses events only by the delivery mode: with dispatch_if_started a
 * supervisor that is not running misses them. A supervisor that was destroyed
 * (F2: DestroyChild) no longer exists, in either mode: the event is dropped,
 * recorded as such, and not the delivery mode's loss.
 */
function destroyedThenCrash(mode: 'start' | 'dispatch_if_started', destroy: boolean) {
  const trace = simulate(
    scenarioOf(`
name: supervisor ${destroy ? 'destroyed' : 'crashed'}, then its child stops
duration: 1min
components:
  - { name: /bootstrap/power_manager, kind: power-manager }
  - { name: /core/sup, kind: supervisor, supervises: [/core/net], on_receive: ${mode}, restart: never }
  - { name: /core/net, restart: never }
faults:
  - { at: 10s, ${destroy ? 'destroy' : 'crash'}: /core/sup }
  - { at: 20s, crash: /core/net }
`),
  );
  return {
    dropped: trace.records.flatMap((r) => (r.type === 'event-dropped' ? [r.reason] : [])),
    violations: trace.summary.violations.map((v) => v.invariant),
  };
}

describe('no-event-lost and a destroyed supervisor', () => {
  it('a destroyed supervisor receives nothing in either mode: the drop is recorded and excused', () => {
    for (const mode of ['start', 'dispatch_if_started'] as const) {
      const r = destroyedThenCrash(mode, true);
      expect(r.dropped).toEqual(['/core/sup is destroyed: no supervisor receives it']);
      expect(r.violations).not.toContain('no-event-lost');
    }
  });

  it('a supervisor that is merely down loses the event with dispatch_if_started, and that breaks the invariant', () => {
    const r = destroyedThenCrash('dispatch_if_started', false);
    expect(r.dropped).toHaveLength(1);
    expect(r.violations).toContain('no-event-lost');
  });
});

describe('no-event-lost (F10)', () => {
  it('breaks on an event dropped by a supervisor that is not running', () => {
    const b = booted();
    b.add({ type: 'state', component: '/core/sup', from: 'running', to: 'stopped' });
    const r = b.add({ type: 'event-dropped', component: '/core/app', event: 'stopped', reason: 'dispatch_if_started' });
    expect(broken('no-event-lost', b.end())).toEqual([{ id: 'no-event-lost', record: r }]);
  });
  it('excuses a drop by a hung supervisor', () => {
    const b = booted();
    b.add({ type: 'state', component: '/core/sup', from: 'running', to: 'hung' });
    b.add({ type: 'event-dropped', component: '/core/app', event: 'stopped', reason: 'hung' });
    expect(broken('no-event-lost', b.end())).toEqual([]);
  });
});
