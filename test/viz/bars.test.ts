import { describe, expect, it } from 'vitest';
import { barsFromChanges } from '../../viz/src/layout/bars.js';

describe('barsFromChanges', () => {
  it('starts in the first change\'s from-state and ends at the run end', () => {
    const bars = barsFromChanges([{ t: 10, seq: 1, from: 'stopped', to: 'running' }], 0, 100, 'up');
    expect(bars).toEqual([
      { startUs: 0, endUs: 10, state: 'stopped', seq: null },
      { startUs: 10, endUs: 100, state: 'running', seq: 1 },
    ]);
  });

  it('is the initial state for the whole run when nothing changed', () => {
    expect(barsFromChanges([], 0, 100, 'stopped')).toEqual([{ startUs: 0, endUs: 100, state: 'stopped', seq: null }]);
  });

  it('drops states entered and left in the same instant', () => {
    const bars = barsFromChanges(
      [
        { t: 10, seq: 1, from: 'running', to: 'stopping' },
        { t: 10, seq: 2, from: 'stopping', to: 'stopped' },
        { t: 20, seq: 3, from: 'stopped', to: 'starting' },
      ],
      0,
      30,
      'stopped',
    );
    expect(bars.map((b) => [b.state, b.startUs, b.endUs, b.seq])).toEqual([
      ['running', 0, 10, null],
      ['stopped', 10, 20, 2],
      ['starting', 20, 30, 3],
    ]);
  });

  it('leaves no gap or overlap between bars', () => {
    const changes = Array.from({ length: 50 }, (_, i) => ({ t: i * 7, seq: i, from: 'stopped' as const, to: i % 2 ? ('running' as const) : ('stopped' as const) }));
    const bars = barsFromChanges(changes, 0, 1000, 'stopped');
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.startUs).toBe(bars[i - 1]!.endUs);
    expect(bars[bars.length - 1]!.endUs).toBe(1000);
  });
});
