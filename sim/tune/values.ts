import { formatDuration, parseDuration } from '../engine/time.js';

/**
 * The values of one `--vary` flag, as the user writes them:
 *   a list        `1s,5s,30s`, `on-failure,always`
 *   an integer range `1..10`
 *   a spaced range   `100ms..60s:log8`, `0..1:lin5` (n points, ends included,
 *                    evenly spaced on a log or linear scale)
 * Values are kept as text, as written (a range's points as the shortest
 * text that names them), and parsed by the scenario's own schema when the
 * setting is loaded: a value the field refuses gets the field's message.
 */
export type ValuesParse = { values: string[] } | { error: string };

/** Most values one `--vary` may give: a cross product grows fast. */
export const MAX_VALUES = 1000;

const SPACED = /^(.+?)\.\.(.+?):(lin|log)(\d+)$/;
const INT_RANGE = /^(-?\d+)\.\.(-?\d+)$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A number in at most 4 significant digits, as plain text (no exponent). */
function shortNumber(x: number): string {
  if (x === 0) return '0';
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(Math.min(digits, 12))));
}

/** Microseconds rounded to 3 significant digits (at least 1 us), so a log range reads 100ms, 268ms, 720ms, ... */
function roundUs(us: number): number {
  if (us < 1) return 1;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(us)) - 2);
  return Math.round(us / magnitude) * magnitude;
}

function spaced(from: number, to: number, scale: 'lin' | 'log', n: number): number[] {
  if (n === 1) return [from];
  return Array.from({ length: n }, (_, i) => {
    const f = i / (n - 1);
    return scale === 'lin' ? from + (to - from) * f : Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * f);
  });
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

export function parseValues(text: string): ValuesParse {
  const spec = text.trim();
  if (spec === '') return { error: 'no values after "=" (write e.g. 1s,5s,30s or 1..10 or 100ms..60s:log8)' };
  const s = SPACED.exec(spec);
  if (s) {
    const [, a, b, scale, count] = s as unknown as [string, string, string, 'lin' | 'log', string];
    const n = Number(count);
    if (n < 1 || n > MAX_VALUES) return { error: `"${spec}": the number of points must be from 1 to ${MAX_VALUES}, got ${count}` };
    if (NUMBER.test(a) && NUMBER.test(b)) {
      const from = Number(a);
      const to = Number(b);
      if (scale === 'log' && (from <= 0 || to <= 0)) return { error: `"${spec}": a log range needs both ends above 0` };
      return { values: unique(spaced(from, to, scale, n).map(shortNumber)) };
    }
    const from = parseDuration(a);
    const to = parseDuration(b);
    if (typeof from !== 'number' || typeof to !== 'number') {
      return { error: `"${spec}": the ends of a spaced range are numbers or durations (e.g. 0..1:lin5, 100ms..60s:log8), got "${a}" and "${b}"` };
    }
    if (scale === 'log' && (from <= 0 || to <= 0)) return { error: `"${spec}": a log range needs both ends above 0` };
    return { values: unique(spaced(from, to, scale, n).map((us) => formatDuration(roundUs(us)))) };
  }
  const r = INT_RANGE.exec(spec);
  if (r) {
    const from = Number(r[1]);
    const to = Number(r[2]);
    if (to < from) return { error: `"${spec}" runs backwards; write the smaller value first` };
    if (to - from + 1 > MAX_VALUES) return { error: `"${spec}" has more than ${MAX_VALUES} values` };
    return { values: Array.from({ length: to - from + 1 }, (_, i) => String(from + i)) };
  }
  const items = spec.split(',').map((v) => v.trim());
  const empty = items.findIndex((v) => v === '');
  if (empty >= 0) return { error: `"${spec}": value ${empty + 1} is empty` };
  if (items.length > MAX_VALUES) return { error: `"${spec}" has more than ${MAX_VALUES} values` };
  const dup = items.find((v, i) => items.indexOf(v) !== i);
  if (dup !== undefined) return { error: `"${spec}": "${dup}" is named twice` };
  return { values: items };
}
