import { injectFault } from '../../faults/registry.js';
import type { FactOf } from '../facts.js';
import type { Reactor, TimerReactor } from '../reactor.js';

/**
 * Faults and background load. A fault's timer writes its record and injects
 * what its kind says (apply's `inject-fault`); the heal phase injects nothing.
 */
export const onFaultTimer: TimerReactor<'fault'> = (_s, e, ctx) => {
  const healUs = ctx.topo.scenario.healUs;
  if (healUs !== undefined && ctx.nowUs >= healUs) return [];
  return [
    ...(e.source === 'stochastic' ? [{ do: 'schedule-stochastic' as const, fault: e.fault, fromUs: ctx.nowUs }] : []),
    { do: 'inject-fault', fault: e.fault, source: e.source, cause: e.cause },
  ];
};

/** A request arrives at a driver: served if it runs, stuck if it hangs; the next arrival is drawn. */
export const onRequestTimer: TimerReactor<'request'> = (_s, e) => [{ do: 'request-arrives', c: e.c }];

/** What the fault's kind does to the model, as commands caused by the fault's record. */
export const injectByKind: Reactor<FactOf<'fault-injected'>> = (_s, fact, ctx) => {
  const spec = ctx.topo.scenario.faults[fact.fault]!;
  const target = spec.target === undefined ? undefined : ctx.topo.index.get(spec.target);
  return injectFault(spec, { target, cause: fact.seq });
};
