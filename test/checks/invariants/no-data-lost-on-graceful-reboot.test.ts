import { describe, expect, it } from 'vitest';
import { simulate } from '../../../sim/simulate.js';
import { scenarioOf } from '../../helpers/trace-builder.js';
import type { TraceRecord } from '../../../sim/trace/records.js';
import { TraceBuilder } from '../../helpers/trace-builder.js';
import { S, broken, booted, shutdown } from './fixture.js';

/**
 * R8 at a system shutdown: a graceful stop saves through its storage path.
 * Work saved to a store that was already down before the shutdown is lost,
 * counted, and excused (no order can save it); a store the shutdown itself
 * stops before its writers is the shutdown's fault.
 */
function shutdownStory(order: 'dependency' | 'simultaneous', fsDiesFirst: boolean) {
  const trace = simulate(
    scenarioOf(`
name: editor saves at shutdown
duration: 1min
system: { shutdown_order: ${order} }
components:
  - { name: fs, kind: driver, restart: never, stop_latency: 10ms }
  - { name: editor, kind: app, depends: [fs], restart: never, stop_latency: 200ms, dirty_data: { write_rate: 1MB/s, flush_every: 1h } }
faults:
${fsDiesFirst ? '  - { at: 10s, crash: fs }\n' : ''}  - { at: 20s, shutdown: user-request }
`),
  );
  return {
    lost: trace.records.filter((r) => r.type === 'data-lost' && r.component === 'editor').length,
    violations: trace.summary.violations.map((v) => v.invariant),
  };
}

describe('no-data-lost-on-graceful-reboot and the storage path at a shutdown', () => {
  it('a store stopped before its writers loses their work, and the invariant blames the shutdown', () => {
    const story = shutdownStory('simultaneous', false);
    expect(story.lost).toBe(1);
    expect(story.violations).toContain('no-data-lost-on-graceful-reboot');
  });

  it('in dependency order the writer saves first: nothing lost', () => {
    expect(shutdownStory('dependency', false)).toEqual({ lost: 0, violations: [] });
  });

  it('a store already down before the shutdown loses the work whatever the order, and that is excused', () => {
    expect(shutdownStory('dependency', true).lost).toBe(1);
    expect(shutdownStory('dependency', true).violations).not.toContain('no-data-lost-on-graceful-reboot');
  });
});

describe('a store already going down when the shutdown begins', () => {
  it('is excused: destroyed (a fault) just before a shutdown, it ends during it, before its writer saves', () => {
    // Found by the sound-model property (RECSIM_PROPERTY_SEED=643879845): the store's stop was asked
    // for before the shutdown, so no shutdown order could have kept it up for its writer.
    const trace = simulate(
      scenarioOf(`
name: store destroyed as the shutdown begins
duration: 1min
components:
  - { name: fs, kind: driver, restart: never, stop_latency: 100ms }
  - { name: editor, kind: app, depends: [fs], restart: never, stop_latency: 200ms, dirty_data: { write_rate: 1MB/s, flush_every: 1h } }
faults:
  - { at: 10s, destroy: fs }
  - { at: 10.05s, shutdown: user-request }
`),
    );
    expect(trace.records.filter((r) => r.type === 'data-lost' && r.component === 'editor')).toHaveLength(1);
    expect(trace.summary.violations.map((v) => v.invariant)).not.toContain('no-data-lost-on-graceful-reboot');
  });
});

describe('no-data-lost-on-graceful-reboot (F8)', () => {
  function lossDuringShutdown(before: (b: TraceBuilder) => void, termCause: (b: TraceBuilder) => number | undefined): TraceRecord[] {
    const b = booted().at(5 * S);
    before(b);
    shutdown(b);
    const ended = b.add({ type: 'terminated', component: '/core/fs', termination: { kind: 'stop-timeout' }, graceful: false, cause: termCause(b) });
    b.add({ type: 'data-lost', component: '/core/fs', bytes: 1000, cause: ended });
    return b.end();
  }
  it('breaks when a component that honours its stop loses data', () => {
    const records = lossDuringShutdown(() => {}, (b) => b.add({ type: 'killed', component: '/core/fs', reason: 'stop timeout' }));
    expect(broken('no-data-lost-on-graceful-reboot', records).map((v) => v.id)).toEqual(['no-data-lost-on-graceful-reboot']);
  });
  it('excuses a component that hung, and one crashed by a fault during the shutdown', () => {
    const hung = lossDuringShutdown(
      (b) => void b.add({ type: 'fault', component: '/core/fs', fault: 'hang', source: 'scripted' }),
      (b) => b.add({ type: 'killed', component: '/core/fs', reason: 'stop timeout' }),
    );
    expect(broken('no-data-lost-on-graceful-reboot', hung)).toEqual([]);
    const crashed = lossDuringShutdown(() => {}, (b) => b.add({ type: 'fault', component: '/core/fs', fault: 'crash', source: 'scripted' }));
    expect(broken('no-data-lost-on-graceful-reboot', crashed)).toEqual([]);
  });
});
