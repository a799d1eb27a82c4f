import type { Micros } from './engine/time.js';
import { checkExpectations } from './checks/expect.js';
import { checkInvariants } from './checks/invariants.js';
import { summarise } from './checks/summary.js';
import { Simulation } from './model/simulation.js';
import type { Scenario } from './scenario/types.js';
import { RecordBuffer } from './trace/recorder.js';
import { TRACE_FORMAT, TRACE_VERSION, type TraceFile } from './trace/trace-file.js';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's duration. */
  untilUs?: Micros;
  /** Overrides the scenario's event budget. */
  eventBudget?: number;
}

/**
 * The one entry point: runs a scenario and returns its trace, with the
 * invariant catalogue and the scenario's expectations already checked.
 * Same scenario and seed give the same trace, byte for byte.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): TraceFile {
  const seed = options.seed ?? scenario.seed;
  const durationUs = options.untilUs ?? scenario.durationUs;
  const resolved: Scenario = { ...scenario, seed, durationUs, eventBudget: options.eventBudget ?? scenario.eventBudget };
  const sim = Simulation.create(resolved, seed);
  const buffer = new RecordBuffer(Infinity);
  sim.subscribe(buffer.sink);
  sim.start();
  const outcome = sim.run({ untilUs: durationUs, eventBudget: resolved.eventBudget });
  const records = buffer.records;
  const violations = checkInvariants(records, resolved);
  const summary = summarise(resolved, seed, records, {
    outcome: outcome.kind === 'event-budget-exhausted' ? 'event-budget-exhausted' : 'completed',
    endUs: outcome.atUs,
    events: sim.engine.eventsProcessed,
  }, violations);
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    seed,
    scenario: resolved,
    records,
    summary: { ...summary, expectations: checkExpectations(resolved.expect, summary, records) },
  };
}

/** Whether a run passed: its expectations held and, unless it expects some, no invariant broke. */
export function passed(trace: TraceFile, scenario: Scenario): boolean {
  const expectationsOk = trace.summary.expectations.every((e) => e.ok);
  const violationsExpected = scenario.expect?.violations !== undefined;
  const budgetOk = trace.summary.outcome === 'completed' || scenario.expect?.outcome === 'event-budget-exhausted';
  return expectationsOk && budgetOk && (violationsExpected || trace.summary.violations.length === 0);
}
