import { describe, expect, it } from 'vitest';
import { LIFECYCLE_LEGEND, MARK_STYLES, POWER_LEGEND, STATE_COLORS } from '../../viz/src/render/palette.js';
import { deltaE, hexToRgb, simulate } from './color-vision.js';

/** The closest pair of colours, as seen with and without deuteranopia. */
function closest(colors: Record<string, string>, see: (hex: string) => [number, number, number]): { pair: string; deltaE: number } {
  const names = Object.keys(colors);
  let best = { pair: '', deltaE: Infinity };
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const d = deltaE(see(colors[names[i]!]!), see(colors[names[j]!]!));
      if (d < best.deltaE) best = { pair: `${names[i]}/${names[j]}`, deltaE: Math.round(d * 10) / 10 };
    }
  }
  return best;
}

const normal = (hex: string) => hexToRgb(hex);
const deuteranope = (hex: string) => simulate(hexToRgb(hex));
const lifecycle = Object.fromEntries(LIFECYCLE_LEGEND.map(([s]) => [s, STATE_COLORS[s]]));
const power = Object.fromEntries(POWER_LEGEND.map(([s]) => [s, STATE_COLORS[s]]));

describe('the palette', () => {
  it('keeps every two lifecycle states apart, with and without deuteranopia', () => {
    expect(closest(lifecycle, normal).deltaE).toBeGreaterThan(25);
    expect(closest(lifecycle, deuteranope).deltaE).toBeGreaterThan(15);
  });

  it('keeps every two power states apart under deuteranopia', () => {
    expect(closest(power, deuteranope).deltaE).toBeGreaterThan(15);
  });

  it('never draws the system up in the grey of a component that is down, even under deuteranopia', () => {
    expect(deltaE(deuteranope(STATE_COLORS.up), deuteranope(STATE_COLORS.stopped))).toBeGreaterThan(20);
    // The light green it replaces looked like "down (stopped)" all run long.
    expect(deltaE(deuteranope('#a6dcc8'), deuteranope(STATE_COLORS.stopped))).toBeLessThan(5);
  });

  it('never draws a fault in a colour close to the failed state or the running bar it sits on', () => {
    const fault = MARK_STYLES.fault.color;
    expect(deltaE(deuteranope(fault), deuteranope(STATE_COLORS.failed))).toBeGreaterThan(25);
    expect(deltaE(deuteranope(fault), deuteranope(STATE_COLORS.running))).toBeGreaterThan(25);
    expect(deltaE(normal(fault), normal(STATE_COLORS.failed))).toBeGreaterThan(25);
  });

  it('tells running from failed at a glance even under deuteranopia (the old green and red did not)', () => {
    expect(deltaE(deuteranope(STATE_COLORS.running), deuteranope(STATE_COLORS.failed))).toBeGreaterThan(40);
    expect(deltaE(deuteranope('#66bb6a'), deuteranope('#e53935'))).toBeLessThan(25);
  });
});
