import { z } from 'zod';

/**
 * Schemas more than one fault kind uses. A field that two kinds accept must be
 * the same schema in both (the registry refuses two different ones), so they
 * are declared once, here.
 */

export { componentName } from '../format/fields.js';

export const exitCode = z.number().int().describe('The exit code the process ends with.');

export const SIGNALS = ['kill', 'term', 'abort'] as const;
export type Signal = (typeof SIGNALS)[number];

export const signal = z.enum(SIGNALS).describe('The signal that ends the process, instead of an exit code.');

/** How many times its usual latency a slowed start (slow_start) or stop (slow_stop) takes. */
export const latencyFactor = z
  .number({ error: 'expected a number' })
  .gt(0, { error: 'must be above 0: the slowed start or stop takes `factor` times its usual latency' })
  .describe('How many times its usual latency the next start (slow_start) or stop (slow_stop) takes.');
