/**
 * Simulated colour vision for palette tests: Machado, Oliveira & Fernandes
 * (2009), deuteranopia at full severity, applied in linear RGB (as an SVG
 * feColorMatrix does by default), and colour differences as CIE76 ΔE.
 */
export const DEUTERANOPIA: readonly (readonly number[])[] = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];

/** The matrix as an SVG feColorMatrix `values` attribute (4x5, alpha kept). */
export function feColorMatrixValues(m: readonly (readonly number[])[] = DEUTERANOPIA): string {
  return [...m.map((row) => [...row, 0, 0].join(' ')), '0 0 0 1 0'].join(' ');
}

type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toLinear = (c: number): number => {
  const x = c / 255;
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (x: number): number => {
  const c = Math.min(1, Math.max(0, x));
  return Math.round(255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055));
};

export function simulate(rgb: Rgb, m: readonly (readonly number[])[] = DEUTERANOPIA): Rgb {
  const lin = rgb.map(toLinear);
  return m.map((row) => toSrgb(row[0]! * lin[0]! + row[1]! * lin[1]! + row[2]! * lin[2]!)) as Rgb;
}

function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map(toLinear) as Rgb;
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map(f) as Rgb;
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 colour difference: about 2.3 is just noticeable; past 20, clearly different colours. */
export function deltaE(a: Rgb, b: Rgb): number {
  const [la, lb] = [lab(a), lab(b)];
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}
