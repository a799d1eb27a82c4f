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

/** `--workers`: threads from 0 (all in this thread) to 256; the default is the number of cores. */
export function parseWorkersOption(text: string | undefined, cores: number): number {
  if (text === undefined) return cores;
  if (!/^\d+$/.test(text) || Number(text) > 256) throw new UsageError(`--workers: expected a number of threads from 0 (no threads) to 256, got "${text}"`);
  return Number(text);
}

/** A flag whose value is one of a fixed list (`--format text|json|...`). */
export function parseChoiceOption<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`${flag}: expected one of ${choices.join(', ')}, got "${text}"`);
  return text as T;
}
