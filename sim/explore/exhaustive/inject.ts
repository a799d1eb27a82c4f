import type { Micros } from '../../engine/time.js';
import type { Simulation } from '../../model/simulation.js';
import type { FaultSpec } from '../../scenario/types.js';
import type { TraceRecord } from '../../trace/records.js';
import type { WritingStep } from './decision-points.js';

/** A fork with one more fault, injected: its records (the checkers must see them too) and the step they make. */
export interface Injected {
  sim: Simulation;
  /** Records the injection wrote (the fault's record and what it set off at once). */
  records: TraceRecord[];
  /** The injection as a writing step, when it wrote records. */
  step?: WritingStep;
}

/**
 * Forks `parent` with `spec` appended to its scenario's faults and injects it
 * at `atUs` (a `when` fault is armed instead: it watches the fork's records
 * from now on).
 */
export function forkAndInject(parent: Simulation, spec: FaultSpec, atUs: Micros): Injected {
  const sim = parent.forkWith([spec]);
  const records: TraceRecord[] = [];
  let collecting = true;
  sim.subscribe((r) => collecting && records.push(r));
  const firstSeq = sim.recorder.nextSeq;
  if (spec.trigger.kind === 'at') sim.injectNow(sim.topo.scenario.faults.length - 1, atUs);
  collecting = false;
  const step = records.length > 0 ? { step: sim.engine.eventsProcessed, atUs, firstSeq, lastSeq: sim.recorder.nextSeq - 1 } : undefined;
  return { sim, records, ...(step ? { step } : {}) };
}
