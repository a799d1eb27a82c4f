import { describe, expect, it } from 'vitest';
import { MIN_SPAN_US, centerOn, clampDomain, panBy, zoomAt } from '../../viz/src/layout/viewport.js';

const extent = { startUs: 0, endUs: 1000 };

describe('viewport arithmetic', () => {
  it('zooms in keeping the anchor at the same screen fraction', () => {
    const d = zoomAt(extent, extent, 0.5, 200);
    expect(d).toEqual({ startUs: 100, endUs: 600 });
    expect((200 - d.startUs) / (d.endUs - d.startUs)).toBeCloseTo(0.2);
  });

  it('never zooms out beyond the extent', () => {
    expect(zoomAt({ startUs: 100, endUs: 600 }, extent, 4, 300)).toEqual(extent);
  });

  it('stops zooming in at the minimum span', () => {
    const d = zoomAt({ startUs: 500, endUs: 520 }, extent, 0.01, 510);
    expect(d.endUs - d.startUs).toBe(MIN_SPAN_US);
    expect(d.startUs).toBeLessThanOrEqual(510);
    expect(d.endUs).toBeGreaterThanOrEqual(510);
  });

  it('pans and stops at the edges keeping the span', () => {
    expect(panBy({ startUs: 100, endUs: 200 }, extent, 50)).toEqual({ startUs: 150, endUs: 250 });
    expect(panBy({ startUs: 100, endUs: 200 }, extent, 5000)).toEqual({ startUs: 900, endUs: 1000 });
    expect(panBy({ startUs: 100, endUs: 200 }, extent, -5000)).toEqual({ startUs: 0, endUs: 100 });
  });

  it('centres on an instant, clamped to the extent', () => {
    expect(centerOn(extent, 500, 100)).toEqual({ startUs: 450, endUs: 550 });
    expect(centerOn(extent, 990, 100)).toEqual({ startUs: 900, endUs: 1000 });
  });

  it('repairs an inverted or oversized domain', () => {
    expect(clampDomain({ startUs: -50, endUs: 5000 }, extent)).toEqual(extent);
    const tiny = clampDomain({ startUs: 10, endUs: 5 }, extent);
    expect(tiny.endUs - tiny.startUs).toBe(MIN_SPAN_US);
  });
});

describe('frameSpan', () => {
  it('shows an incident with a margin on both sides', async () => {
    const { frameSpan } = await import('../../viz/src/layout/viewport.js');
    expect(frameSpan({ startUs: 0, endUs: 3_600_000_000 }, 1_000_000_000, 1_003_000_000, 1000)).toEqual({ startUs: 999_550_000, endUs: 1_003_450_000 });
    expect(frameSpan({ startUs: 0, endUs: 100 }, 50, 50, 10)).toEqual({ startUs: 45, endUs: 55 });
  });
});
