import { describe, expect, it } from 'vitest';
import { broken, booted, shutdown } from './fixture.js';

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
