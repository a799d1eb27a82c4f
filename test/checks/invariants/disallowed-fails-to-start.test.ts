import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../helpers/trace-builder.js';
import { booted, broken, NAMES, SYSTEM } from './fixture.js';

describe('disallowed-fails-to-start (F4)', () => {
  it('breaks when a component with on_terminate: reboot outside the allowlist reaches running', () => {
    expect(broken('disallowed-fails-to-start', booted().end()).map((v) => v.id)).toEqual(['disallowed-fails-to-start']);
  });
  it('holds when it never runs, and when the feature is off (F5)', () => {
    expect(broken('disallowed-fails-to-start', new TraceBuilder().bootWith(NAMES.filter((n) => n !== '/core/bad')).end())).toEqual([]);
    const off = { ...SYSTEM, system: { ...SYSTEM.system, rebootOnTerminate: { ...SYSTEM.system.rebootOnTerminate, enabled: false } } };
    expect(broken('disallowed-fails-to-start', booted().end(), off)).toEqual([]);
  });
});
