import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../helpers/trace-builder.js';
import { SYSTEM, NAMES, broken, booted } from './fixture.js';

describe('reboot-only-from-allowlist (F4)', () => {
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
