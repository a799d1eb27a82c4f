import { describe, expect, it } from 'vitest';
import { checkInvariants, INVARIANTS, invariantById } from '../../sim/checks/invariants.js';
import { RESTARTS_PER_INSTANT_MAX } from '../../sim/checks/invariants/no-restart-livelock.js';
import type { Scenario } from '../../sim/scenario/types.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import { scenarioOf, TraceBuilder } from '../helpers/trace-builder.js';

const S = 1_000_000;

const SYSTEM = scenarioOf(`
name: checker fixture
duration: 10min
system:
  reboot_on_terminate: { enabled: true, allowlist: [/core/net] }
components:
  - { name: /bootstrap/pm, kind: power-manager, main_process_critical: true }
  - { name: /core/fs, kind: driver, dirty_data: { write_rate: 1MB/s, flush_every: 5s } }
  - { name: /core/net, depends: [/core/fs], on_terminate: reboot }
  - { name: /core/bad, on_terminate: reboot }
  - { name: /core/app, depends: [/core/fs], restart: { when: on-failure, delay: 1s, max_restarts: 2 } }
  - { name: /core/sup, kind: supervisor, supervises: [/core/app], on_receive: dispatch_if_started }
`);
const NAMES = SYSTEM.components.map((c) => c.name);

/** The ids of one invariant's violations, with the records they point at. */
function broken(id: string, records: readonly TraceRecord[], scenario: Scenario = SYSTEM): { id: string; record?: number }[] {
  const inv = invariantById(id);
  if (!inv) throw new Error(`no invariant ${id}`);
  return checkInvariants(records, scenario, [inv]).map((v) => ({ id: v.invariant, record: v.record }));
}

function booted(): TraceBuilder {
  return new TraceBuilder().bootWith(NAMES);
}

/** A graceful shutdown started at the current instant; returns its seq. */
function shutdown(b: TraceBuilder): number {
  const s = b.add({ type: 'shutdown-started', mode: 'graceful', reason: 'user-request' });
  b.add({ type: 'power', from: 'up', to: 'shutting-down', cause: s });
  return s;
}

describe('the catalogue', () => {
  it('gives every invariant a unique id, a statement, a source rule and a kind', () => {
    const ids = INVARIANTS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const inv of INVARIANTS) {
      expect(inv.statement.length).toBeGreaterThan(20);
      expect(inv.rule).toMatch(/F\d|R\d|A|model/);
      expect(['safety', 'liveness', 'policy']).toContain(inv.kind);
    }
    expect(INVARIANTS.filter((i) => i.kind === 'liveness').map((i) => i.id)).toEqual(
      expect.arrayContaining(['critical-termination-reboots', 'requested-reboot-completes', 'recovers-after-faults']),
    );
    // A restart loop is what a zero-delay, unlimited policy asks for, and a component left down after one fault
    // what a policy that never restarts it asks for: the policy's flaw, not the model's.
    expect(INVARIANTS.filter((i) => i.kind === 'policy').map((i) => i.id)).toEqual(['no-restart-livelock', 'recovers-from-single-fault']);
  });

  it('reports violations ordered by the record that broke them', () => {
    const b = booted();
    b.add({ type: 'state', component: '/core/net', from: 'running', to: 'starting' }); // one-live-instance
    shutdown(b);
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'x' });
    const records = b.end();
    const seqs = checkInvariants(records, SYSTEM).map((v) => v.record ?? Infinity);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(checkInvariants(records, SYSTEM).map((v) => v.invariant)).toEqual(expect.arrayContaining(['one-live-instance', 'no-reboot-during-shutdown']));
  });
});

describe('no-reboot-during-shutdown (F2)', () => {
  it('breaks on a reboot requested while the system shuts down', () => {
    const b = booted().at(5 * S);
    shutdown(b);
    const r = b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'critical-component-failure' });
    expect(broken('no-reboot-during-shutdown', b.end())).toEqual([{ id: 'no-reboot-during-shutdown', record: r }]);
  });
  it('holds for a reboot requested while the system is up', () => {
    const b = booted().at(5 * S);
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'critical-component-failure' });
    expect(broken('no-reboot-during-shutdown', b.end())).toEqual([]);
  });
});

describe('no-reboot-on-destroy (F2)', () => {
  function destroyThenReboot(stopReason: string): TraceRecord[] {
    const b = booted().at(5 * S);
    const stop = b.add({ type: 'stop-requested', component: '/core/net', reason: stopReason });
    const ended = b.add({ type: 'terminated', component: '/core/net', termination: { kind: 'exit', exitCode: 0 }, graceful: true, cause: stop });
    const d = b.add({ type: 'decision', component: '/core/net', by: 'component_manager', action: 'reboot', reason: 'x', cause: ended });
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'critical-component-failure', cause: d });
    return b.end();
  }
  it('breaks when the destruction itself brings the reboot', () => {
    expect(broken('no-reboot-on-destroy', destroyThenReboot('destroy')).map((v) => v.id)).toEqual(['no-reboot-on-destroy']);
  });
  it('holds when the termination behind the reboot was not a destruction', () => {
    expect(broken('no-reboot-on-destroy', destroyThenReboot('policy'))).toEqual([]);
  });
});

describe('one-reboot-in-flight (F6)', () => {
  it('breaks on a second request before the next boot', () => {
    const b = booted().at(5 * S);
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'x' });
    const second = b.add({ type: 'reboot-requested', component: '/core/bad', by: 'component_manager', mode: 'graceful', reason: 'x' });
    expect(broken('one-reboot-in-flight', b.end())).toEqual([{ id: 'one-reboot-in-flight', record: second }]);
  });
  it('holds when a boot, or the requester abandoning the first request, comes between', () => {
    const b = booted().at(5 * S);
    const first = b.add({ type: 'reboot-requested', component: '/core/app', by: '/core/sup', mode: 'graceful', reason: 'x' });
    b.add({ type: 'decision', component: '/core/app', by: '/core/sup', action: 'none', reason: 'Admin.Reboot failed', cause: first });
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'x' });
    b.at(20 * S).bootWith(NAMES, 2).at(30 * S);
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'x' });
    expect(broken('one-reboot-in-flight', b.end())).toEqual([]);
  });
});

describe('shutdown-stops-dependents-first (F8, R5)', () => {
  it('breaks when a provider is asked to stop before its dependents', () => {
    const b = booted().at(5 * S);
    const s = shutdown(b);
    const r = b.add({ type: 'stop-requested', component: '/core/fs', reason: 'shutdown', cause: s });
    expect(broken('shutdown-stops-dependents-first', b.end())).toEqual([{ id: 'shutdown-stops-dependents-first', record: r }]);
  });
  it('holds when the dependents have stopped first', () => {
    const b = booted().at(5 * S);
    const s = shutdown(b);
    for (const d of ['/core/net', '/core/app']) {
      b.add({ type: 'stop-requested', component: d, reason: 'shutdown', cause: s });
      b.add({ type: 'state', component: d, from: 'running', to: 'stopped' });
    }
    b.add({ type: 'stop-requested', component: '/core/fs', reason: 'shutdown', cause: s });
    expect(broken('shutdown-stops-dependents-first', b.end())).toEqual([]);
  });
});

describe('no-start-before-dependencies (R4)', () => {
  it('breaks when a component starts while a dependency is down', () => {
    const b = new TraceBuilder();
    const r = b.add({ type: 'state', component: '/core/net', from: 'stopped', to: 'starting' });
    expect(broken('no-start-before-dependencies', b.end())).toEqual([{ id: 'no-start-before-dependencies', record: r }]);
  });
  it('holds when dependencies run first', () => {
    expect(broken('no-start-before-dependencies', booted().end())).toEqual([]);
  });
});

describe('one-live-instance (model)', () => {
  it('breaks when a running component starts again', () => {
    const b = booted();
    const r = b.add({ type: 'state', component: '/core/app', from: 'running', to: 'starting' });
    expect(broken('one-live-instance', b.end())).toEqual([{ id: 'one-live-instance', record: r }]);
  });
  it('holds for a start from stopped', () => {
    const b = booted();
    b.add({ type: 'state', component: '/core/app', from: 'running', to: 'stopped' });
    b.add({ type: 'state', component: '/core/app', from: 'stopped', to: 'starting' });
    expect(broken('one-live-instance', b.end())).toEqual([]);
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

describe('reboot-only-from-allowlist and disallowed-fails-to-start (F4)', () => {
  it('breaks on a reboot for a component outside the allowlist, and on it running at all', () => {
    const b = booted(); // /core/bad reached running
    const r = b.add({ type: 'reboot-requested', component: '/core/bad', by: 'component_manager', mode: 'graceful', reason: 'x' });
    const records = b.end();
    expect(broken('reboot-only-from-allowlist', records)).toEqual([{ id: 'reboot-only-from-allowlist', record: r }]);
    expect(broken('disallowed-fails-to-start', records).map((v) => v.id)).toEqual(['disallowed-fails-to-start']);
  });
  it('holds for an allowlisted component, and when the feature is off (F5)', () => {
    const b = new TraceBuilder().bootWith(NAMES.filter((n) => n !== '/core/bad'));
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'x' });
    expect(broken('reboot-only-from-allowlist', b.end())).toEqual([]);
    const off = { ...SYSTEM, system: { ...SYSTEM.system, rebootOnTerminate: { ...SYSTEM.system.rebootOnTerminate, enabled: false } } };
    expect(broken('disallowed-fails-to-start', booted().end(), off)).toEqual([]);
  });
});

describe('critical-process-failure-panics (F9)', () => {
  it('breaks when a critical process fails and time moves on without a panic', () => {
    const b = booted().at(5 * S);
    const ended = b.add({ type: 'terminated', component: '/bootstrap/pm', termination: { kind: 'exit', exitCode: 1 }, graceful: false });
    b.at(6 * S);
    expect(broken('critical-process-failure-panics', b.end())).toEqual([{ id: 'critical-process-failure-panics', record: ended }]);
  });
  it('breaks when a clean exit panics', () => {
    const b = booted().at(5 * S);
    const ended = b.add({ type: 'terminated', component: '/bootstrap/pm', termination: { kind: 'exit', exitCode: 0 }, graceful: true });
    const p = b.add({ type: 'panic', reason: 'critical-process-failure', culprit: '/bootstrap/pm', cause: ended });
    expect(broken('critical-process-failure-panics', b.end())).toEqual([{ id: 'critical-process-failure-panics', record: p }]);
  });
  it('holds when the failure panics at once', () => {
    const b = booted().at(5 * S);
    const ended = b.add({ type: 'terminated', component: '/bootstrap/pm', termination: { kind: 'signal', signal: 'kill' }, graceful: false });
    b.add({ type: 'panic', reason: 'critical-process-failure', culprit: '/bootstrap/pm', cause: ended });
    expect(broken('critical-process-failure-panics', b.end())).toEqual([]);
  });
});

describe('reboot-records-reason (F11)', () => {
  it('breaks on a critical failure reboot that names no culprit', () => {
    const b = booted();
    const p = b.add({ type: 'panic', reason: 'critical-process-failure' });
    expect(broken('reboot-records-reason', b.end())).toEqual([{ id: 'reboot-records-reason', record: p }]);
  });
  it('holds when reason and culprit are recorded', () => {
    const b = booted();
    b.add({ type: 'shutdown-started', mode: 'graceful', reason: 'critical-component-failure', culprit: '/core/net' });
    b.add({ type: 'shutdown-started', mode: 'graceful', reason: 'user-request' });
    expect(broken('reboot-records-reason', b.end())).toEqual([]);
  });
});

describe('restarts-within-limit (R2, A)', () => {
  function restarts(n: number, bootBetween = false): TraceRecord[] {
    const b = booted();
    for (let i = 1; i <= n; i++) {
      b.at(i * 10 * S);
      if (bootBetween && i === 3) b.bootWith(NAMES, 2);
      const d = b.add({ type: 'decision', component: '/core/app', by: 'init', action: 'restart', delayUs: S, reason: 'x' });
      b.add({ type: 'restart', component: '/core/app', attempt: i, cause: d });
    }
    return b.end();
  }
  it('breaks on the restart past max_restarts', () => {
    const records = restarts(3);
    const third = records.filter((r) => r.type === 'restart')[2]!.seq;
    expect(broken('restarts-within-limit', records)).toEqual([{ id: 'restarts-within-limit', record: third }]);
  });
  it('holds at the limit, and counts per boot', () => {
    expect(broken('restarts-within-limit', restarts(2))).toEqual([]);
    expect(broken('restarts-within-limit', restarts(4, true))).toEqual([]);
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

describe('critical-termination-reboots (F1, F7; liveness)', () => {
  function criticalEnd(rebootAtUs: number | undefined, endUs = 10 * 60 * S): TraceRecord[] {
    const b = booted().at(10 * S);
    b.add({ type: 'terminated', component: '/core/net', termination: { kind: 'exit', exitCode: 1 }, graceful: false });
    if (rebootAtUs !== undefined) b.at(rebootAtUs).add({ type: 'shutdown-started', mode: 'graceful', reason: 'critical-component-failure', culprit: '/core/net' });
    return b.at(endUs).end();
  }
  it('breaks when no reboot follows within the bound', () => {
    expect(broken('critical-termination-reboots', criticalEnd(undefined)).map((v) => v.id)).toEqual(['critical-termination-reboots']);
    expect(broken('critical-termination-reboots', criticalEnd(5 * 60 * S)).map((v) => v.id)).toEqual(['critical-termination-reboots']);
  });
  it('holds when the reboot starts within the bound, or the run ends first', () => {
    expect(broken('critical-termination-reboots', criticalEnd(12 * S))).toEqual([]);
    expect(broken('critical-termination-reboots', criticalEnd(undefined, 11 * S))).toEqual([]);
  });
});

describe('requested-reboot-completes (F7, F8; liveness)', () => {
  function request(bootAtUs: number | undefined): TraceRecord[] {
    const b = booted().at(10 * S);
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'x' });
    if (bootAtUs !== undefined) b.at(bootAtUs).bootWith(NAMES, 2);
    return b.at(10 * 60 * S).end();
  }
  it('breaks when the reboot never completes, or takes longer than the bound', () => {
    expect(broken('requested-reboot-completes', request(undefined)).map((v) => v.id)).toEqual(['requested-reboot-completes']);
    expect(broken('requested-reboot-completes', request(9 * 60 * S)).map((v) => v.id)).toEqual(['requested-reboot-completes']);
  });
  it('holds when a boot follows within the bound', () => {
    expect(broken('requested-reboot-completes', request(20 * S))).toEqual([]);
  });
});

describe('recovers-after-faults (R2, R3, R4; liveness)', () => {
  function crashApp(action: string, opts: { endUs?: number; fsDown?: boolean } = {}): TraceRecord[] {
    const b = booted().at(10 * S);
    const f = b.add({ type: 'fault', component: '/core/app', fault: 'crash', source: 'scripted', exitCode: 1 });
    const ended = b.add({ type: 'terminated', component: '/core/app', termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: f });
    b.add({ type: 'state', component: '/core/app', from: 'running', to: 'stopped', cause: ended });
    b.add({ type: 'decision', component: '/core/app', by: 'init', action, ...(action === 'restart' ? { delayUs: S } : {}), reason: 'x', cause: ended });
    if (opts.fsDown) b.add({ type: 'state', component: '/core/fs', from: 'running', to: 'failed' });
    return b.at(opts.endUs ?? 10 * 60 * S).end();
  }
  it('breaks when a component its policy restarts is still down long after the last fault', () => {
    const v = broken('recovers-after-faults', crashApp('restart'));
    expect(v.map((x) => x.id)).toEqual(['recovers-after-faults']);
  });
  it('holds when the policy left it down, a dependency blocks it, or the heal phase is too short to judge', () => {
    expect(broken('recovers-after-faults', crashApp('none'))).toEqual([]);
    expect(broken('recovers-after-faults', crashApp('give-up'))).toEqual([]);
    expect(broken('recovers-after-faults', crashApp('restart', { fsDown: true }))).toEqual([]);
    expect(broken('recovers-after-faults', crashApp('restart', { endUs: 20 * S }))).toEqual([]);
  });
});

describe('no-restart-livelock (R6, A; policy)', () => {
  function loop(n: number): TraceRecord[] {
    const b = booted().at(10 * S);
    for (let i = 1; i <= n; i++) b.add({ type: 'restart', component: '/core/app', attempt: i });
    return b.at(20 * S).end();
  }
  it(`breaks past ${RESTARTS_PER_INSTANT_MAX} restarts at one instant, and on an exhausted event budget`, () => {
    const records = loop(RESTARTS_PER_INSTANT_MAX + 1);
    expect(broken('no-restart-livelock', records)).toEqual([{ id: 'no-restart-livelock', record: records.at(-2)!.seq }]);
    const exhausted = booted().end('event-budget-exhausted');
    expect(broken('no-restart-livelock', exhausted).map((v) => v.id)).toEqual(['no-restart-livelock']);
  });
  it(`holds for ${RESTARTS_PER_INSTANT_MAX} restarts at one instant, or many spread over time`, () => {
    expect(broken('no-restart-livelock', loop(RESTARTS_PER_INSTANT_MAX))).toEqual([]);
    const b = booted();
    for (let i = 1; i <= 500; i++) b.at(i * 1000).add({ type: 'restart', component: '/core/app', attempt: i });
    expect(broken('no-restart-livelock', b.end())).toEqual([]);
  });
});
