import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../sim/trace/records.js';
import { S, broken, booted } from './fixture.js';

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
