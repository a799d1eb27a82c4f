import { parseDuration, type Micros } from '../engine/time.js';
import { UsageError } from '../io/exit-codes.js';

export function parseSeedOption(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--seed: expected a non-negative integer, got "${text}"`);
  }
  return Number(text);
}

export function parseDurationOption(flag: string, text: string): Micros {
  const parsed = parseDuration(text);
  if (typeof parsed !== 'number') throw new UsageError(`${flag}: ${parsed.error}`);
  return parsed;
}
