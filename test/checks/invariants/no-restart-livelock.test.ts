import { describe, expect, it } from 'vitest';
import { RESTARTS_PER_INSTANT_MAX } from '../../../sim/checks/invariants/no-restart-livelock.js';
import type { TraceRecord } from '../../../sim/trace/records.js';
import { S, broken, booted } from './fixture.js';

describe('no-restart-livelock (R6, A; policy)', () => {
  function loop(n: number): TraceRecord[] {
    const b = booted().at(10 * S);
    for (let i = 1; i <= n; i++) b.add({ type: 'restart', component: '/core/app', attempt: i });
    return b.at(20 * S).end();
  }
  it(`breaks past ${RESTARTS_PER_INSTANT_MAX} restarts at one instant, and on an exhausted event budget`, () => {
    const records = loop(RESTARTS_PER_INSTANT_MAX + 1);
    expect(broken('no-restart-livelock', records)).toEqual([{ id: 'no-restart-livelock', record: records.at(-2)!.seq }]);
    const exhausted = booted().end('event-budget-exhausted');
    expect(broken('no-restart-livelock', exhausted).map((v) => v.id)).toEqual(['no-restart-livelock']);
  });
  it(`holds for ${RESTARTS_PER_INSTANT_MAX} restarts at one instant, or many spread over time`, () => {
    expect(broken('no-restart-livelock', loop(RESTARTS_PER_INSTANT_MAX))).toEqual([]);
    const b = booted();
    for (let i = 1; i <= 500; i++) b.at(i * 1000).add({ type: 'restart', component: '/core/app', attempt: i });
    expect(broken('no-restart-livelock', b.end())).toEqual([]);
  });
});
