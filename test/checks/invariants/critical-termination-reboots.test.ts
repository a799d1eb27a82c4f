import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../sim/trace/records.js';
import { S, broken, booted, shutdown } from './fixture.js';

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
