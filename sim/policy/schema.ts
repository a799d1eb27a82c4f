import { z } from 'zod';

/**
 * The scenario fields that describe recovery policy. `scenario/schema.ts`
 * spreads these shapes into the component and system schemas, so the policy
 * vocabulary grows here without touching the rest of the file format.
 */

const duration = z
  .string({ error: 'expected a duration such as "50ms", "3s" or "10min"' })
  .regex(/^\s*\d+(\.\d+)?\s*(us|ms|s|min|h|d)\s*$/, {
    error: 'not a duration (write a number and a unit: us, ms, s, min, h, d, e.g. "50ms" or "10min")',
  });

const restart = z.strictObject({
  when: z.enum(['never', 'on-failure', 'always']).optional().describe('When the monitor restarts the component.'),
  delay: duration.optional().describe('Wait before each restart.'),
  max_restarts: z.number().int().min(0).optional().describe('Give up (state failed) after this many restarts.'),
  heartbeat_miss_limit: z.number().int().min(1).optional().describe('Missed heartbeats before a hung component is killed (default 1).'),
});

export const policyComponentShape = {
  restart: z.union([z.enum(['never', 'on-failure', 'always']), restart]).optional(),
};

export const policySystemShape = {};

export type PolicyComponentInput = { [K in keyof typeof policyComponentShape]?: z.infer<(typeof policyComponentShape)[K]> };
export type PolicySystemInput = { [K in keyof typeof policySystemShape]?: never };
