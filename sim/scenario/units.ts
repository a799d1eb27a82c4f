import { parseDuration, US_PER_S, type Micros } from '../engine/time.js';

/** Parse results carry an error message instead of throwing, so the loader can add a file position. */
export type Parsed<T> = T | { error: string };

export function isParseError<T>(value: Parsed<T>): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

const PER_UNIT_US: Readonly<Record<string, number>> = {
  s: US_PER_S,
  min: 60 * US_PER_S,
  h: 3600 * US_PER_S,
  d: 86400 * US_PER_S,
};

/** Parses an event rate such as `6/h`, `100/s` or `0.5/min` into events per microsecond. */
export function parseRate(text: string): Parsed<number> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|min|h|d)\s*$/.exec(text);
  if (!match) return { error: `not a rate: "${text}" (write a count per unit, e.g. "6/h", "100/s")` };
  return Number(match[1]) / PER_UNIT_US[match[2]!]!;
}

const BYTES: Readonly<Record<string, number>> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** Parses a byte rate such as `1MB/s` or `512KiB/s` into bytes per second. */
export function parseByteRate(text: string): Parsed<number> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)\s*\/\s*s\s*$/.exec(text);
  if (!match) return { error: `not a byte rate: "${text}" (write a size per second, e.g. "1MB/s", "512KiB/s")` };
  return Number(match[1]) * BYTES[match[2]!]!;
}

export { parseDuration, type Micros };
