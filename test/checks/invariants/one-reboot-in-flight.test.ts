import { describe, expect, it } from 'vitest';
import { S, NAMES, broken, booted } from './fixture.js';

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
