/**
 * Time labels. Virtual time is in µs; people read "3h 29min 17.3s", not
 * "12557.3s": an instant or a span is written in hours, minutes and seconds,
 * as far down as it needs.
 */

const US_PER_S = 1_000_000;
const US_PER_MIN = 60 * US_PER_S;
const US_PER_H = 60 * US_PER_MIN;

/** Seconds with at most `decimals` decimals and no trailing zeros: (17.300, 3) -> "17.3". */
function seconds(us: number, decimals: number): string {
  return (us / US_PER_S).toFixed(decimals).replace(/\.?0+$/, '') || '0';
}

/** Splits µs into whole hours, whole minutes and the µs left over. */
function hms(us: number): { h: number; min: number; restUs: number } {
  const h = Math.floor(us / US_PER_H);
  const min = Math.floor((us - h * US_PER_H) / US_PER_MIN);
  return { h, min, restUs: us - h * US_PER_H - min * US_PER_MIN };
}

/**
 * "h min s" with the seconds to `decimals` decimals; leading zero units are
 * left out, inner ones kept so columns of times line up ("1h 0min 0.5s").
 */
function clock(us: number, decimals: number): string {
  const sign = us < 0 ? '-' : '';
  const { h, min, restUs } = hms(Math.abs(us));
  const parts: string[] = [];
  if (h > 0) parts.push(`${h}h`);
  if (h > 0 || min > 0) {
    if (min > 0 || restUs > 0) parts.push(`${min}min`);
  }
  if (restUs > 0 || parts.length === 0) parts.push(`${seconds(restUs, decimals)}s`);
  return sign + parts.join(' ');
}

/** An instant, exact to the µs: 30000000 -> "30s", 12557300000 -> "3h 29min 17.3s", 30000500 -> "30.0005s". */
export function formatInstant(us: number): string {
  return clock(us, 6);
}

/**
 * A duration, rounded to what a reader compares: two units at most from a
 * minute up ("22h 13min", "2min 5s"), three significant digits below
 * ("17.3s", "2.5ms", "7µs").
 */
export function formatSpan(us: number): string {
  const sign = us < 0 ? '-' : '';
  const abs = Math.abs(us);
  if (abs >= US_PER_H) {
    const totalMin = Math.round(abs / US_PER_MIN);
    const h = Math.floor(totalMin / 60);
    const min = totalMin % 60;
    return `${sign}${h}h${min > 0 ? ` ${min}min` : ''}`;
  }
  if (abs >= US_PER_MIN) {
    const totalS = Math.round(abs / US_PER_S);
    const min = Math.floor(totalS / 60);
    const s = totalS % 60;
    if (min === 60) return `${sign}1h`;
    return `${sign}${min}min${s > 0 ? ` ${s}s` : ''}`;
  }
  if (abs === 0) return '0s';
  const sig = (x: number): string => String(+x.toPrecision(3));
  if (abs >= US_PER_S) return `${sign}${sig(abs / US_PER_S)}s`;
  if (abs >= 1000) return `${sign}${sig(abs / 1000)}ms`;
  return `${sign}${abs}µs`;
}

/** A count with thousands separators, the same in every locale: 200464 -> "200,464". */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An instant picked with the pointer, rounded to what a pixel can tell at
 * this zoom: to the largest 1, 2 or 5 × 10^k µs step not above one pixel's
 * span, so a drag over a day reads "10h 24min", not "10h 23min 59.999903s".
 * Records keep their exact times; this is only for pointed-at instants.
 */
export function roundToZoom(us: number, usPerPx: number): number {
  if (!(usPerPx > 1)) return Math.round(us);
  const magnitude = 10 ** Math.floor(Math.log10(usPerPx));
  const step = [5, 2, 1].map((m) => m * magnitude).find((s) => s <= usPerPx) ?? magnitude;
  return Math.round(us / step) * step;
}
