/**
 * A share of time (availability) as a percentage, with as many decimals as
 * it takes to show the part missing to 100 % to two significant digits: a
 * day with three 2-second panics is 99.993 %, not 100.0 %; 100 % only when
 * nothing was missed. At least one decimal, at most five.
 */
export function formatShare(share: number): string {
  if (share >= 1) return '100%';
  if (share <= 0) return '0%';
  const missingPercent = (1 - share) * 100;
  const decimals = Math.min(5, Math.max(1, 1 - Math.floor(Math.log10(missingPercent))));
  const text = (share * 100).toFixed(decimals);
  // Rounding may still reach 100 at five decimals: say "> 99.99999%" rather than claim all of it.
  return text.startsWith('100') ? `>${(100 - 10 ** -decimals).toFixed(decimals)}%` : `${text}%`;
}
