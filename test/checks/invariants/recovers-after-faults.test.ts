import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../sim/trace/records.js';
import { S, broken, booted } from './fixture.js';

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
