import { z } from 'zod';
import { DURATION } from '../engine/time.js';

/**
 * Field schemas that more than one part of the file format uses (the
 * scenario, its policies, its probes, the faults): declared once, so a
 * duration or a name is read, and refused, the same way everywhere.
 */

/** A duration as written (`50ms`, `3s`, `10min`); `typeError` says what was expected instead of a non-string. */
export function durationField(typeError = 'expected a duration such as "50ms", "3s" or "10min"'): z.ZodString {
  return z.string({ error: typeError }).regex(DURATION, {
    error: 'not a duration (write a number and a unit: us, ms, s, min, h, d, e.g. "50ms" or "10min")',
  });
}

export const duration = durationField();

/** A component's name. */
export const componentName = z.string({ error: 'expected a component name' }).min(1, { error: 'a name cannot be empty' });
