/**
 * Virtual time. Every instant and duration in a run is an integer count of
 * microseconds; nothing in the simulation reads the wall clock.
 */
export type Micros = number;

export const US_PER_MS = 1_000;
export const US_PER_S = 1_000_000;
export const US_PER_MIN = 60 * US_PER_S;
export const US_PER_H = 60 * US_PER_MIN;

export const UNIT_US: Readonly<Record<string, number>> = {
  us: 1,
  ms: US_PER_MS,
  s: US_PER_S,
  min: US_PER_MIN,
  h: US_PER_H,
  d: 24 * US_PER_H,
};

/** A duration as written: a number and a unit. */
export const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)\s*$/;

/**
 * Parses `50ms`, `3s`, `1.5s`, `10min`, `2h` into microseconds.
 * Returns an error message (a string the caller can place after a field path)
 * instead of throwing, so the loader can point at the file position.
 */
export function parseDuration(text: string): Micros | { error: string } {
  const match = DURATION.exec(text);
  if (!match) {
    return { error: `not a duration: "${text}" (write a number and a unit: us, ms, s, min, h, d, e.g. "50ms" or "10min")` };
  }
  const value = Number(match[1]) * UNIT_US[match[2]!]!;
  if (!Number.isSafeInteger(Math.round(value))) return { error: `duration too large: "${text}"` };
  return Math.round(value);
}

/** Formats microseconds as the shortest exact human duration, e.g. 1500000 -> "1.5s". */
export function formatDuration(us: Micros): string {
  if (us === 0) return '0s';
  const sign = us < 0 ? '-' : '';
  const abs = Math.abs(us);
  if (abs >= US_PER_H && abs % US_PER_MIN === 0 && abs % US_PER_H !== 0 && abs < 10 * US_PER_H) {
    return `${sign}${abs / US_PER_MIN}min`;
  }
  for (const [unit, size] of [['h', US_PER_H], ['min', US_PER_MIN], ['s', US_PER_S], ['ms', US_PER_MS]] as const) {
    if (abs >= size && abs % (size / 1000) === 0) {
      const value = abs / size;
      if (unit === 'min' && abs % US_PER_S !== 0) continue;
      if (unit === 'h' && abs % US_PER_MIN !== 0) continue;
      return `${sign}${Number(value.toFixed(3))}${unit}`;
    }
  }
  return `${sign}${abs}us`;
}

/** Formats an instant for human output: seconds with millisecond precision, e.g. "t=30.000s". */
export function formatInstant(us: Micros): string {
  return `${(us / US_PER_S).toFixed(3)}s`;
}
