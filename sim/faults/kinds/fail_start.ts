import fc from 'fast-check';
import { componentName } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export type FailStartSpec = ComponentFaultSpec<'fail-start'>;

export const failStart = defineFaultKind({
  key: 'fail_start',
  kind: 'fail-start',
  targets: 'component',
  value: componentName,
  fields: {},
  defaults: {},
  resolve: ({ value }): FailStartSpec => ({ fault: 'fail-start', target: value }),
  toFile: (spec) => ({ fail_start: spec.target }),
  traceFields: () => ({}),
  inject: (_spec, { target, cause }) => [{ do: 'arm', c: target!, armed: { kind: 'fail-start' }, cause }],
  // Armed until X next gets as far as finishing a start: that start fails (the process exits during start) instead.
  armed: { atStartDone: () => ({ fail: true, consumed: true }) },
  doc: {
    value: 'X',
    summary: "X's next start fails: the process exits during start",
    rule: 'F10, R6',
  },
  explore: {
    byDefault: true,
    arbitrary: (target) => fc.constant<FailStartSpec>({ fault: 'fail-start', target: target! }),
  },
});
