import { describe, expect, it } from 'vitest';
import { S, broken, booted, shutdown } from './fixture.js';

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
