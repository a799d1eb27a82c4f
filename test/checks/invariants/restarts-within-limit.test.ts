import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../../sim/trace/records.js';
import { S, NAMES, broken, booted } from './fixture.js';

describe('restarts-within-limit (R2, A)', () => {
  function restarts(n: number, bootBetween = false): TraceRecord[] {
    const b = booted();
    for (let i = 1; i <= n; i++) {
      b.at(i * 10 * S);
      if (bootBetween && i === 3) b.bootWith(NAMES, 2);
      const d = b.add({ type: 'decision', component: '/core/app', by: 'init', action: 'restart', delayUs: S, reason: 'x' });
      b.add({ type: 'restart', component: '/core/app', attempt: i, cause: d });
    }
    return b.end();
  }
  it('breaks on the restart past max_restarts', () => {
    const records = restarts(3);
    const third = records.filter((r) => r.type === 'restart')[2]!.seq;
    expect(broken('restarts-within-limit', records)).toEqual([{ id: 'restarts-within-limit', record: third }]);
  });
  it('holds at the limit, and counts per boot', () => {
    expect(broken('restarts-within-limit', restarts(2))).toEqual([]);
    expect(broken('restarts-within-limit', restarts(4, true))).toEqual([]);
  });
});
