import { describe, expect, it } from 'vitest';
import { judge, singleRunMeasures, verdict, type Show, type Side } from '../../sim/compare/verdict.js';

const show: Show = {
  availability: (v) => `${(v * 100).toFixed(1)}%`,
  reboots: String,
  lostData: (v) => `${v} B`,
  recover: (v) => `${v} µs`,
};
const exact = (value: number) => ({ value, noise: 0 });
const side = (name: string, measures: Side['measures']): Side => ({ name, measures });

describe('the verdict of two policies', () => {
  it('decides on availability first, and says what the loser did better', () => {
    const v = verdict(side('systemd-default', { availability: exact(0.78), reboots: exact(0) }), side('minix-rs', { availability: exact(0.99), reboots: exact(5) }), show);
    expect(v.winner).toBe('B');
    expect(v.decidedBy).toBe('availability');
    expect(v.text).toBe('minix-rs (B) is better than systemd-default (A): availability 99.0% against 78.0%. systemd-default (A) did better on reboots (0 against 5).');
  });

  it('passes over an availability lead within the noise to the reboots', () => {
    const a = side('a', { availability: { value: 0.9, noise: 0.05 }, reboots: exact(4) });
    const b = side('b', { availability: { value: 0.92, noise: 0.05 }, reboots: exact(1) });
    const v = verdict(a, b, show);
    expect(v.winner).toBe('B');
    expect(v.decidedBy).toBe('reboots');
    expect(v.text).toBe('b (B) is better than a (A): reboots 1 against 4 (availability within the noise).');
  });

  it('names no winner when every difference is noise', () => {
    const v = verdict(side('a', { availability: { value: 0.9, noise: 0.1 } }), side('b', { availability: { value: 0.95, noise: 0.1 } }), show);
    expect(v.winner).toBeNull();
    expect(v.text).toBe('No clear winner between a (A) and b (B): every difference is within the noise of one run: availability (90.0% against 95.0%).');
  });

  it('lower is better for reboots, lost data and time to recover; higher for availability', () => {
    expect(judge('availability', exact(0.5), exact(0.6)).better).toBe('B');
    expect(judge('reboots', exact(1), exact(2)).better).toBe('A');
    expect(judge('lostData', exact(10), exact(5)).better).toBe('B');
    expect(judge('recover', exact(10), exact(5)).better).toBe('B');
    expect(judge('recover', exact(10), undefined)).toEqual({ objective: 'recover', better: null, resolved: false });
  });

  it('takes one run\'s counts as Poisson: one reboot against none is noise, five against none is not', () => {
    const run = (reboots: number) => singleRunMeasures({ availability: 1, outages: reboots, reboots, lostDataBytes: 0, lostDataEvents: 0, recoveries: 0 });
    expect(judge('reboots', run(0).reboots, run(1).reboots).resolved).toBe(false);
    expect(judge('reboots', run(0).reboots, run(5).reboots).resolved).toBe(true);
    // 10 % of the time lost in one outage: as noisy as the whole loss; in 100 outages, a tenth of it.
    expect(singleRunMeasures({ availability: 0.9, outages: 1, reboots: 0, lostDataBytes: 0, lostDataEvents: 0, recoveries: 1 }).availability!.noise).toBeCloseTo(0.196, 3);
    expect(singleRunMeasures({ availability: 0.9, outages: 100, reboots: 0, lostDataBytes: 0, lostDataEvents: 0, recoveries: 100 }).availability!.noise).toBeCloseTo(0.0196, 4);
  });
});
