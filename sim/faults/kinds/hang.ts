import fc from 'fast-check';
import { componentName } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export type HangSpec = ComponentFaultSpec<'hang'>;

export const hang = defineFaultKind({
  key: 'hang',
  kind: 'hang',
  targets: 'component',
  value: componentName,
  fields: {},
  defaults: {},
  resolve: ({ value }): HangSpec => ({ fault: 'hang', target: value }),
  toFile: (spec) => ({ hang: spec.target }),
  traceFields: () => ({}),
  inject: (_spec, { target, cause }) => [{ do: 'hang', c: target!, cause }],
  // A hung process is killed at the stop timeout (F8): what it had not flushed is lost to the hang, not to the shutdown order.
  counts: { excusesDataLoss: true },
  doc: {
    value: 'X',
    summary: 'X stays alive but stops answering, until a heartbeat or a call timeout finds it (a process that is not running is not affected)',
    rule: 'R3',
  },
  explore: {
    byDefault: true,
    arbitrary: (target) => fc.constant<HangSpec>({ fault: 'hang', target: target! }),
  },
});
