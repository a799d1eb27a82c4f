import { describe, expect, it } from 'vitest';
import { formatShare } from '../../viz/src/layout/share-format.js';

const DAY_US = 86_400e6;

describe('an availability figure', () => {
  it('tells three 2-second panics a day from none', () => {
    expect(formatShare(1 - (3 * 2e6) / DAY_US)).toBe('99.9931%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(1 - (3 * 2e6) / DAY_US)).not.toBe(formatShare(1 - 1e6 / DAY_US));
  });

  it('keeps one decimal where the loss is large, never rounds a loss up to 100 %', () => {
    expect(formatShare(0.5)).toBe('50.0%');
    expect(formatShare(0.991)).toBe('99.10%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1 - 1e-12)).toBe('>99.99999%');
  });
});
