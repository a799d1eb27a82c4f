import type { Micros } from './engine/time.js';
import { checkExpectations, recordExpectationsOf } from './checks/expect.js';
import { checkInvariants } from './checks/invariants.js';
import { RunCounter } from './checks/summary.js';
import { Simulation } from './model/simulation.js';
import type { Scenario } from './scenario/types.js';
import { RecordBuffer, type RecordSink } from './trace/recorder.js';
import type { TraceRecord } from './trace/records.js';
import { TRACE_FORMAT, TRACE_VERSION, type RunSummary, type TraceFile } from './trace/trace-file.js';

/** Records kept in memory by default: enough for any bundled scenario and a day of a 64-component system, bounded for a restart storm. */
export const DEFAULT_MAX_RECORDS_IN_MEMORY = 2_000_000;

/** Where a streamed trace goes (see TraceStreamWriter): the head before the run, each record as written, the summary at the end. */
export interface TraceOutput {
  begin(head: Pick<TraceFile, 'format' | 'version' | 'seed' | 'scenario'>): void;
  sink: RecordSink;
  end(summary: RunSummary): void;
}

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's duration. */
  untilUs?: Micros;
  /** Overrides the scenario's event budget. */
  eventBudget?: number;
  /**
   * How many records to keep in `trace.records` (default
   * DEFAULT_MAX_RECORDS_IN_MEMORY; 0 keeps none). Past the bound records are
   * still counted, checked and streamed, just not kept; the summary says how
   * many were kept.
   */
  maxRecordsInMemory?: number;
  /** Streams every record as it is written, e.g. to a trace file. */
  output?: TraceOutput;
  /** Further observers of every record. */
  sinks?: readonly RecordSink[];
}

/** Interim: invariants judged after the run over the records they were fed (replaced by online observers). */
function invariantMonitor(scenario: Scenario): { sink: RecordSink; finish(): RunSummary['violations'] } {
  const records: TraceRecord[] = [];
  return { sink: (r) => records.push(r), finish: () => checkInvariants(records, scenario) };
}

/**
 * The one entry point: runs a scenario and returns its trace, with the
 * invariant catalogue and the scenario's expectations checked as the records
 * are written. Same scenario and seed give the same trace, byte for byte.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): TraceFile {
  const seed = options.seed ?? scenario.seed;
  const durationUs = options.untilUs ?? scenario.durationUs;
  const resolved: Scenario = { ...scenario, seed, durationUs, eventBudget: options.eventBudget ?? scenario.eventBudget };
  const head = { format: TRACE_FORMAT, version: TRACE_VERSION, seed, scenario: resolved } as const;
  const sim = Simulation.create(resolved, seed);
  const buffer = new RecordBuffer(options.maxRecordsInMemory ?? DEFAULT_MAX_RECORDS_IN_MEMORY);
  const counter = new RunCounter();
  const invariants = invariantMonitor(resolved);
  const expectations = recordExpectationsOf(resolved.expect);
  for (const sink of [buffer.sink, counter.sink, invariants.sink, expectations.sink, ...(options.sinks ?? [])]) sim.subscribe(sink);
  if (options.output) {
    options.output.begin(head);
    sim.subscribe(options.output.sink);
  }
  sim.start();
  const outcome = sim.run({ untilUs: durationUs, eventBudget: resolved.eventBudget });
  const counted = counter.summary(resolved, seed, {
    outcome: outcome.kind === 'event-budget-exhausted' ? 'event-budget-exhausted' : 'completed',
    endUs: outcome.atUs,
    events: sim.engine.eventsProcessed,
  }, invariants.finish());
  const summary: RunSummary = { ...counted, expectations: checkExpectations(resolved.expect, counted, expectations) };
  // The streamed file holds every record; the trace in memory says when it holds fewer (a cap, not a choice to keep none).
  options.output?.end(summary);
  const capped = buffer.dropped > 0 && buffer.maxRecords > 0;
  return { ...head, records: buffer.records, summary: capped ? { ...summary, recordsKept: buffer.records.length } : summary };
}

/** Whether a run passed: its expectations held and, unless it expects some, no invariant broke. */
export function passed(trace: TraceFile, scenario: Scenario): boolean {
  const expectationsOk = trace.summary.expectations.every((e) => e.ok);
  const violationsExpected = scenario.expect?.violations !== undefined;
  const budgetOk = trace.summary.outcome === 'completed' || scenario.expect?.outcome === 'event-budget-exhausted';
  return expectationsOk && budgetOk && (violationsExpected || trace.summary.violations.length === 0);
}
