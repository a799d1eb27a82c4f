import fc from 'fast-check';
import { componentName } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export type KillSpec = ComponentFaultSpec<'kill'>;

export const kill = defineFaultKind({
  key: 'kill',
  kind: 'kill',
  targets: 'component',
  value: componentName,
  fields: {},
  defaults: {},
  resolve: ({ value }): KillSpec => ({ fault: 'kill', target: value }),
  toFile: (spec) => ({ kill: spec.target }),
  traceFields: () => ({}),
  inject: (_spec, { target, cause }) => [{ do: 'terminate', c: target!, termination: { kind: 'signal', signal: 'kill' }, graceful: false, cause }],
  doc: {
    value: 'X',
    summary: "X's process is killed (SIGKILL): nothing is flushed",
    rule: 'R1, F9',
  },
  explore: {
    byDefault: true,
    arbitrary: (target) => fc.constant<KillSpec>({ fault: 'kill', target: target! }),
  },
});
