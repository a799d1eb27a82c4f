/** Time labels: virtual time is in µs, people read seconds. */

/** Seconds with as many decimals as the tick step needs: step 0.5 s -> "30.5s", step 10 µs -> "30.00001s". */
export function formatTick(us: number, stepUs: number): string {
  const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(stepUs / 1e6) - 1e-9)));
  return `${(us / 1e6).toFixed(decimals)}s`;
}

/** An instant, exact to the µs, without trailing zeros: 30000000 -> "30s", 30000500 -> "30.0005s". */
export function formatInstant(us: number): string {
  const text = (us / 1e6).toFixed(6).replace(/\.?0+$/, '');
  return `${text}s`;
}

/** A duration, in the largest unit that keeps it readable: 1500000 -> "1.5s", 2500 -> "2.5ms", 7 -> "7µs". */
export function formatSpan(us: number): string {
  const abs = Math.abs(us);
  if (abs >= 60e6) return `${+(us / 60e6).toFixed(2)}min`;
  if (abs >= 1e6) return `${+(us / 1e6).toFixed(3)}s`;
  if (abs >= 1e3) return `${+(us / 1e3).toFixed(3)}ms`;
  return `${us}µs`;
}
