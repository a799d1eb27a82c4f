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
