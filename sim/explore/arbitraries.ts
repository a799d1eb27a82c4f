import fc from 'fast-check';
import { US_PER_MS, US_PER_S, type Micros } from '../engine/time.js';
import { faultKindByKey } from '../faults/registry.js';
import type { FaultSpec, FaultTrigger } from '../scenario/types.js';
import {
  CRASH_LOOP,
  CRASH_LOOP_DELAYS_US,
  CRASH_LOOP_TIMES,
  TRIGGER_DELAYS_US,
  TRIGGER_RECORDS,
  type ExploreFaultKind,
} from './vocabulary.js';

/** What a fault schedule is drawn over: the system's component names, the kinds allowed, the fault window. */
export interface ScheduleShape {
  components: readonly string[];
  kinds: readonly ExploreFaultKind[];
  /** Faults are injected in [0, windowUs]; the rest of the run is the heal phase. */
  windowUs: Micros;
  /** At most this many faults per schedule (default 4). */
  maxFaults?: number;
  /** Allow stochastic (`rate`) triggers (default true). */
  stochastic?: boolean;
}


/** Instants on a millisecond grid, so that written scenarios read `at: 12.345s`, not microseconds. */
function instantArb(windowUs: Micros): fc.Arbitrary<Micros> {
  return fc.integer({ min: 0, max: Math.max(0, Math.floor(windowUs / US_PER_MS)) }).map((ms) => ms * US_PER_MS);
}

function triggerArb(shape: ScheduleShape, target: string | undefined): fc.Arbitrary<FaultTrigger> {
  const at = instantArb(shape.windowUs).map((atUs): FaultTrigger => ({ kind: 'at', atUs }));
  // A trigger on the target's own records finds the races between a fault and the recovery from it.
  const component = fc.oneof(
    { arbitrary: fc.constant(target), weight: target === undefined ? 0 : 3 },
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: fc.constantFrom(...shape.components), weight: 2 },
  );
  const when = fc
    .record({
      record: fc.constantFrom(...TRIGGER_RECORDS),
      component,
      afterUs: fc.constantFrom(...TRIGGER_DELAYS_US),
      times: fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, { arbitrary: fc.integer({ min: 2, max: 3 }), weight: 1 }),
    })
    .map((w): FaultTrigger => ({ kind: 'when', ...w }));
  const rate = fc
    .integer({ min: 1, max: 30 })
    .map((perMin): FaultTrigger => ({ kind: 'rate', perUs: perMin / (60 * US_PER_S), fromUs: 0, untilUs: shape.windowUs }));
  return fc.oneof(
    { arbitrary: at, weight: 5 },
    { arbitrary: when, weight: 4 },
    { arbitrary: rate, weight: shape.stochastic === false ? 0 : 1 },
  );
}

/** One fault of the given kind, on one of the system's components: the trigger drawn here, the rest by the kind's module. */
export function faultArb(shape: ScheduleShape, kind: ExploreFaultKind): fc.Arbitrary<FaultSpec> {
  if (kind === CRASH_LOOP) {
    return fc.record({ target: fc.constantFrom(...shape.components), afterUs: fc.constantFrom(...CRASH_LOOP_DELAYS_US) }).map(
      ({ target, afterUs }): FaultSpec => ({
        fault: 'crash',
        target,
        exitCode: 1,
        trigger: { kind: 'when', record: 'state', component: target, afterUs, times: CRASH_LOOP_TIMES },
      }),
    );
  }
  const module = faultKindByKey(kind);
  if (module?.explore === undefined) throw new Error(`faultArb: explore cannot draw fault kind ${kind}`);
  const explorer = module.explore;
  const targetArb = module.targets === 'system' ? fc.constant(undefined) : fc.constantFrom(...shape.components);
  return targetArb.chain((target) =>
    fc
      .record({ trigger: triggerArb(shape, target), spec: explorer.arbitrary(target) })
      .map(({ trigger, spec }) => ({ ...spec, trigger }) as FaultSpec),
  );
}

/** A fault schedule: one to `maxFaults` faults, each of a kind drawn from `kinds`. */
export function scheduleArb(shape: ScheduleShape): fc.Arbitrary<FaultSpec[]> {
  if (shape.kinds.length === 0) throw new Error('scheduleArb: at least one fault kind is needed');
  const one = fc.constantFrom(...shape.kinds).chain((kind) => faultArb(shape, kind));
  return fc.array(one, { minLength: 1, maxLength: shape.maxFaults ?? 4 });
}

/** Swarm testing: each schedule first draws a non-empty subset of the kinds, then faults from that subset only. */
export function swarmScheduleArb(shape: ScheduleShape): fc.Arbitrary<{ kinds: ExploreFaultKind[]; faults: FaultSpec[] }> {
  return fc
    .subarray([...shape.kinds], { minLength: 1 })
    .chain((kinds) => scheduleArb({ ...shape, kinds }).map((faults) => ({ kinds, faults })));
}
