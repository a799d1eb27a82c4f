import fc from 'fast-check';
import { componentName, latencyFactor } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export interface SlowStopSpec extends ComponentFaultSpec<'slow-stop'> {
  /** The next stop takes this many times the component's stop latency. */
  factor: number;
}

const DEFAULT_FACTOR = 10;

/**
 * A stop that takes longer than usual but completes: a process that honours
 * the stop request, slowly (a large flush, a slow disconnect). The stop
 * timeout bounds every stop, a slow but willing one included (F8, and
 * systemd's TimeoutStopSec=, which applies however willing the service is:
 * src/core/service.c service_enter_signal() arms the same timer for
 * SIGTERM whatever the unit does with it): a slowed stop that ends within
 * the timeout is graceful; one that would end past it is killed at the
 * timeout, and loses what it had not flushed (the loss is the fault's).
 */
export const slowStop = defineFaultKind({
  key: 'slow_stop',
  kind: 'slow-stop',
  targets: 'component',
  value: componentName,
  fields: {
    factor: latencyFactor,
  },
  defaults: { factor: DEFAULT_FACTOR },
  resolve: ({ value, fields }): SlowStopSpec => ({ fault: 'slow-stop', target: value, factor: fields.factor ?? DEFAULT_FACTOR }),
  toFile: (spec) => ({ slow_stop: spec.target, ...(spec.factor === DEFAULT_FACTOR ? {} : { factor: spec.factor }) }),
  traceFields: (spec): { factor?: number } => ({ factor: spec.factor }),
  inject: (spec, { target, cause }) => [{ do: 'arm', c: target!, armed: { kind: 'slow-stop', data: { factor: spec.factor } }, cause }],
  // Used up by the stop it slows (the slowest of several armed sets it); a boot clears it.
  armed: { atStop: (armed) => ({ latencyFactor: armed.data?.factor ?? DEFAULT_FACTOR, consumed: true }) },
  counts: { excusesDataLoss: true },
  doc: {
    value: 'X',
    summary: "X's next stop takes `factor` times its stop latency; the stop timeout still bounds it: past the timeout X is killed and loses what it had not flushed",
    rule: 'F8, R5',
  },
  explore: {
    // Out of the default draw, so that a seeded search keeps finding what it found before this kind existed.
    byDefault: false,
    arbitrary: (target) => fc.constantFrom(2, 10, 50).map((factor): SlowStopSpec => ({ fault: 'slow-stop', target: target!, factor })),
    simpler: (spec) => (spec.factor === DEFAULT_FACTOR ? [] : [{ ...spec, factor: DEFAULT_FACTOR }]),
  },
});
