import fc from 'fast-check';
import { componentName, latencyFactor } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export interface SlowStartSpec extends ComponentFaultSpec<'slow-start'> {
  /** The next start takes this many times the component's start latency. */
  factor: number;
}

const DEFAULT_FACTOR = 10;

export const slowStart = defineFaultKind({
  key: 'slow_start',
  kind: 'slow-start',
  targets: 'component',
  value: componentName,
  fields: {
    factor: latencyFactor,
  },
  defaults: { factor: DEFAULT_FACTOR },
  resolve: ({ value, fields }): SlowStartSpec => ({ fault: 'slow-start', target: value, factor: fields.factor ?? DEFAULT_FACTOR }),
  toFile: (spec) => ({ slow_start: spec.target, ...(spec.factor === DEFAULT_FACTOR ? {} : { factor: spec.factor }) }),
  traceFields: (spec): { factor?: number } => ({ factor: spec.factor }),
  inject: (spec, { target, cause }) => [{ do: 'arm', c: target!, armed: { kind: 'slow-start', data: { factor: spec.factor } }, cause }],
  // Used up by the start it slows (the model multiplies the factors of every slow start armed then); a boot clears it.
  armed: { atStartBegin: (armed) => ({ latencyFactor: armed.data?.factor ?? DEFAULT_FACTOR, consumed: true }) },
  doc: {
    value: 'X',
    summary: "X's next start takes `factor` times its start latency (used up by that start; several armed before it multiply; a boot clears them)",
    rule: 'R4, R6',
  },
  explore: {
    // Out of the default draw: that keeps finding what it found before this kind existed, and the liveness
    // bound (checks/invariants/bounds.ts) does not count slowed starts yet, so it would blame sound policies.
    byDefault: false,
    arbitrary: (target) => fc.constantFrom(2, 10, 50).map((factor): SlowStartSpec => ({ fault: 'slow-start', target: target!, factor })),
    simpler: (spec) => (spec.factor === DEFAULT_FACTOR ? [] : [{ ...spec, factor: DEFAULT_FACTOR }]),
  },
});
