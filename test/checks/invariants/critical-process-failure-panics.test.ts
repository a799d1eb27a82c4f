import { describe, expect, it } from 'vitest';
import { S, broken, booted } from './fixture.js';

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
