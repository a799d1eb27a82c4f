import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../sim/trace/records.js';
import { S, NAMES, broken, booted } from './fixture.js';

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
