import fc from 'fast-check';
import { z } from 'zod';
import { defineFaultKind, type SystemFaultSpec } from '../types.js';

export type RebootCallFailsSpec = SystemFaultSpec<'reboot-call-fails'>;

export const rebootCallFails = defineFaultKind({
  key: 'reboot_call_fails',
  kind: 'reboot-call-fails',
  targets: 'system',
  value: z.literal(true),
  fields: {},
  defaults: {},
  resolve: (): RebootCallFailsSpec => ({ fault: 'reboot-call-fails' }),
  toFile: () => ({ reboot_call_fails: true }),
  traceFields: () => ({}),
  inject: (_spec, { cause }) => [{ do: 'fail-next-reboot-call', cause }],
  doc: {
    value: 'true',
    summary: 'The next `Admin.Reboot` call returns an error: the component manager panics',
    rule: 'F7',
  },
  explore: {
    byDefault: true,
    arbitrary: () => fc.constant<RebootCallFailsSpec>({ fault: 'reboot-call-fails' }),
  },
});
