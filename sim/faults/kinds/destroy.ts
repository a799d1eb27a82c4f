import fc from 'fast-check';
import { componentName } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export type DestroySpec = ComponentFaultSpec<'destroy'>;

export const destroy = defineFaultKind({
  key: 'destroy',
  kind: 'destroy',
  targets: 'component',
  value: componentName,
  fields: {},
  defaults: {},
  resolve: ({ value }): DestroySpec => ({ fault: 'destroy', target: value }),
  toFile: (spec) => ({ destroy: spec.target }),
  traceFields: () => ({}),
  inject: (_spec, { target, cause }) => [{ do: 'destroy', c: target!, cause }],
  doc: {
    value: 'X',
    summary: 'DestroyChild: X is stopped and destroyed; its stop never reboots the system',
    rule: 'F2',
  },
  explore: {
    byDefault: true,
    arbitrary: (target) => fc.constant<DestroySpec>({ fault: 'destroy', target: target! }),
  },
});
