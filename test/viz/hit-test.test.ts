import { describe, expect, it } from 'vitest';
import { barAt, nearestMark } from '../../viz/src/layout/hit-test.js';
import type { Lane } from '../../viz/src/layout/model.js';

const lane: Lane = {
  key: '0:x',
  traceIndex: 0,
  kind: 'component',
  component: 'x',
  group: '(no realm)',
  label: 'x',
  bars: [
    { startUs: 0, endUs: 10, state: 'stopped', seq: null },
    { startUs: 10, endUs: 50, state: 'running', seq: 3 },
    { startUs: 50, endUs: 100, state: 'stopped', seq: 9 },
  ],
  marks: [
    { t: 20, seq: 4, kind: 'fault', type: 'fault', members: [{ seq: 4, kind: 'fault', type: 'fault' }, { seq: 5, kind: 'stop', type: 'terminated' }] },
    { t: 21, seq: 7, kind: 'stop', type: 'killed', members: [{ seq: 7, kind: 'stop', type: 'killed' }] },
    { t: 40, seq: 6, kind: 'detection', type: 'detected', members: [{ seq: 6, kind: 'detection', type: 'detected' }] },
  ],
};

describe('nearestMark', () => {
  it('picks the nearest mark within the tolerance, the more important kind on a tie', () => {
    expect(nearestMark(lane, 20.5, 5)?.seq).toBe(4);
    expect(nearestMark(lane, 21, 5)?.seq).toBe(7);
    expect(nearestMark(lane, 37, 5)?.seq).toBe(6);
    expect(nearestMark(lane, 31, 10)?.seq).toBe(6);
  });

  it('picks the later mark when kind and distance tie', () => {
    const one = (t: number, seq: number) => ({ t, seq, kind: 'stop' as const, type: 'killed' as const, members: [{ seq, kind: 'stop' as const, type: 'killed' as const }] });
    const twin: Lane = { ...lane, marks: [one(19, 4), one(21, 5)] };
    expect(nearestMark(twin, 20, 5)?.seq).toBe(5);
  });

  it('finds nothing outside the tolerance', () => {
    expect(nearestMark(lane, 30, 5)).toBeUndefined();
  });

  it('skips marks the filter hides', () => {
    expect(nearestMark(lane, 20, 5, (m) => m.type !== 'killed')?.seq).toBe(4);
    expect(nearestMark(lane, 21, 5, (m) => m.type !== 'killed')?.seq).toBe(4);
  });
});

describe('barAt', () => {
  it('finds the bar covering an instant, bars being half-open', () => {
    expect(barAt(lane, 5)?.state).toBe('stopped');
    expect(barAt(lane, 10)?.seq).toBe(3);
    expect(barAt(lane, 49)?.seq).toBe(3);
    expect(barAt(lane, 50)?.seq).toBe(9);
    expect(barAt(lane, 100)).toBeUndefined();
  });
});
