import { describe, expect, it } from 'vitest';
import { middleEllipsis } from '../../viz/src/layout/ellipsis.js';

// One px per character keeps the arithmetic visible.
const measure = (s: string): number => [...s].length;

describe('middleEllipsis', () => {
  it('keeps text that fits', () => {
    expect(middleEllipsis('netstack', 8, measure)).toBe('netstack');
  });

  it('cuts the middle so names that differ at the end stay apart', () => {
    const a = middleEllipsis('very-long-usb-controller-driver-instance-1', 15, measure);
    const b = middleEllipsis('very-long-usb-controller-driver-instance-2', 15, measure);
    expect(a).toBe('very-lo…tance-1');
    expect(b).toBe('very-lo…tance-2');
    expect(measure(a)).toBeLessThanOrEqual(15);
  });

  it('gives just the ellipsis when nothing else fits', () => {
    expect(middleEllipsis('abcdef', 1, measure)).toBe('…');
  });
});
