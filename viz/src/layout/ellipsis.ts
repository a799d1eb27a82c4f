/**
 * Shortens text to fit maxPx by cutting its middle: "/core/drivers/usb-controller-1"
 * and "...-2" stay told apart by their ends, where long names usually differ.
 * `measure` gives a string's width in px; the result is the longest that fits.
 */
export function middleEllipsis(text: string, maxPx: number, measure: (s: string) => number): string {
  if (measure(text) <= maxPx) return text;
  const chars = [...text];
  // Binary search the number of characters kept; the tail gets the larger half.
  let lo = 0;
  let hi = chars.length - 1;
  const cut = (keep: number): string => {
    const head = Math.floor(keep / 2);
    return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(cut(mid)) <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}
