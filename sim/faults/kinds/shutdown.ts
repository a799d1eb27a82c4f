import fc from 'fast-check';
import { z } from 'zod';
import { defineFaultKind, type SystemFaultSpec } from '../types.js';

export interface ShutdownSpec extends SystemFaultSpec<'shutdown'> {
  /** Why the user asked, recorded as the reboot's reason (F11). */
  reason: string;
}

export const shutdown = defineFaultKind({
  key: 'shutdown',
  kind: 'shutdown',
  targets: 'system',
  value: z.string(),
  fields: {},
  defaults: {},
  resolve: ({ value }): ShutdownSpec => ({ fault: 'shutdown', reason: value }),
  toFile: (spec) => ({ shutdown: spec.reason }),
  traceFields: () => ({}),
  inject: (spec, { cause }) => [{ do: 'user-shutdown', reason: spec.reason, cause }],
  doc: {
    value: 'reason',
    summary: 'A user asks for a graceful reboot; the value is its reason, e.g. `user-request`',
    rule: 'F2, F8, F11',
  },
  explore: {
    byDefault: true,
    arbitrary: () => fc.constant<ShutdownSpec>({ fault: 'shutdown', reason: 'user-request' }),
  },
});
