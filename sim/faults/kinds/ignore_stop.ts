import fc from 'fast-check';
import { componentName } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export type IgnoreStopSpec = ComponentFaultSpec<'ignore-stop'>;

export const ignoreStop = defineFaultKind({
  key: 'ignore_stop',
  kind: 'ignore-stop',
  targets: 'component',
  value: componentName,
  fields: {},
  defaults: {},
  resolve: ({ value }): IgnoreStopSpec => ({ fault: 'ignore-stop', target: value }),
  toFile: (spec) => ({ ignore_stop: spec.target }),
  traceFields: () => ({}),
  inject: (_spec, { target, cause }) => [{ do: 'arm', c: target!, armed: { kind: 'ignore-stop' }, cause }],
  // The process that ignores stop requests is the one running now: a start that completes is a new process, which honours them.
  armed: { atStop: () => ({ ignore: true, consumed: false }), atStartDone: () => ({ consumed: true }) },
  counts: { excusesDataLoss: true },
  doc: {
    value: 'X',
    summary: 'X ignores stop requests until it next finishes a start: every stop of it runs into the stop timeout and a kill',
    rule: 'F8, R5',
  },
  explore: {
    byDefault: true,
    arbitrary: (target) => fc.constant<IgnoreStopSpec>({ fault: 'ignore-stop', target: target! }),
  },
});
