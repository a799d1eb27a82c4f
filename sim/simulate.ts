import type { Micros } from './engine/time.js';
import { checkExpectations, recordExpectationsOf } from './checks/expect.js';
import { createInvariantMonitor, orderViolations } from './checks/invariant-monitor.js';
import { RunCounter } from './checks/summary.js';
import { Simulation } from './model/simulation.js';
import type { Scenario } from './scenario/types.js';
import { RecordBuffer, type RecordSink } from './trace/recorder.js';
import type { TraceRecord } from './trace/records.js';
import { TRACE_FORMAT, TRACE_VERSION, type RunSummary, type TraceFile, type Violation } from './trace/trace-file.js';

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
  /**
   * Called every PROGRESS_EVERY_STEPS steps with the virtual time reached and
   * the events processed, for a progress display. The simulation reads no
   * clock: whoever shows progress (the CLI, on a terminal) keeps the time.
   */
  onProgress?: (atUs: Micros, events: number) => void;
  /**
   * `computed` (default): Kubernetes probe ticks that find nothing are not
   * events (sim/model/probe-ticks.ts); `every-period`: one event per tick, the
   * reference the computed ticks are tested against. Same trace but the
   * summary's `events`.
   */
  probeTicks?: 'computed' | 'every-period';
}

/**
 * The most events one instant of a run may hold: far more than any system
 * does at one instant (a boot of every component at time zero writes a few
 * events each), far fewer than a loop with no delay runs before its event
 * budget is spent.
 */
export const INSTANT_BUDGET = { base: 100_000, perComponent: 1_000 } as const;

export function instantBudgetOf(scenario: Pick<Scenario, 'components'>): number {
  return INSTANT_BUDGET.base + INSTANT_BUDGET.perComponent * scenario.components.length;
}

/** How often `onProgress` is called, in steps of the simulation. */
export const PROGRESS_EVERY_STEPS = 4096;

/** At most this many violations are written as records and listed; beyond it a broken run is counted, not kept. */
export const MAX_VIOLATIONS_LISTED = 10_000;

/**
 * The invariant catalogue watching the run: what it finds is written into
 * the trace as `violation` records (cause: the record that broke it), at the
 * end of the event that broke it; what only the end of the run tells is
 * written after run-ended.
 */
class ViolationWriter {
  readonly monitor;
  private readonly pending: { violation: Violation; component?: string }[] = [];
  readonly found: Violation[] = [];
  notListed = 0;

  constructor(scenario: Scenario, private readonly sim: Simulation) {
    this.monitor = createInvariantMonitor(scenario);
  }

  readonly sink = (r: TraceRecord): void => {
    const found = this.monitor.onRecord(r);
    if (found.length === 0) return;
    for (const violation of found) this.pending.push({ violation, component: r.component });
  };

  /** Writes what the event just handled broke. */
  flush(): void {
    if (this.pending.length === 0) return;
    for (const { violation, component } of this.pending.splice(0)) this.write(violation, component);
  }

  finish(): void {
    this.flush();
    for (const violation of this.monitor.finish()) this.write(violation, undefined);
  }

  private write(v: Violation, component: string | undefined): void {
    if (this.found.length >= MAX_VIOLATIONS_LISTED) {
      this.notListed++;
      return;
    }
    this.found.push(v);
    this.sim.recorder.emit({
      type: 'violation',
      invariant: v.invariant,
      message: v.message,
      ...(component !== undefined ? { component } : {}),
      ...(v.record !== undefined ? { record: v.record, cause: v.record } : {}),
    });
  }
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
  const sim = Simulation.create(resolved, seed, { probeTicks: options.probeTicks ?? 'computed' });
  const buffer = new RecordBuffer(options.maxRecordsInMemory ?? DEFAULT_MAX_RECORDS_IN_MEMORY);
  const violations = new ViolationWriter(resolved, sim);
  // The counter reads its final states from the catalogue's replay (the same state records, applied once).
  const counter = new RunCounter(resolved.components, violations.monitor.replay);
  const expectations = recordExpectationsOf(resolved.expect);
  const matching = expectations.idle ? [] : [expectations.sink];
  // The kept trace, the counter and the catalogue see every record one after the other: one sink, one call from
  // the recorder. A run that keeps no records (recsim run without --html) hands them to no buffer at all.
  const keep = buffer.sink;
  const countAndCheck = (r: TraceRecord): void => {
    counter.sink(r);
    violations.sink(r);
  };
  const keepCountAndCheck = (r: TraceRecord): void => {
    keep(r);
    counter.sink(r);
    violations.sink(r);
  };
  for (const sink of [buffer.maxRecords > 0 ? keepCountAndCheck : countAndCheck, ...matching, ...(options.sinks ?? [])]) sim.subscribe(sink);
  if (options.output) {
    options.output.begin(head);
    sim.subscribe(options.output.sink);
  }
  const limits = { untilUs: durationUs, eventBudget: resolved.eventBudget, instantBudget: instantBudgetOf(resolved) };
  sim.start();
  violations.flush();
  let outcome = sim.step(limits);
  let steps = 0;
  while (outcome === undefined) {
    violations.flush();
    if (options.onProgress && ++steps % PROGRESS_EVERY_STEPS === 0) options.onProgress(sim.nowUs, sim.engine.eventsProcessed);
    outcome = sim.step(limits);
  }
  sim.finish(outcome);
  violations.finish();
  const counted = counter.summary(resolved, seed, {
    outcome: outcome.kind === 'event-budget-exhausted' ? 'event-budget-exhausted' : 'completed',
    endUs: outcome.atUs,
    events: sim.engine.eventsProcessed,
  }, orderViolations(violations.found));
  // Added to `counted`, not spread from it: its finalStates is built only when read (sim/checks/summary.ts), and a spread reads it.
  const summary: RunSummary = Object.assign(counted, {
    ...(violations.notListed > 0 ? { violationsNotListed: violations.notListed } : {}),
    expectations: checkExpectations(resolved.expect, counted, expectations),
  });
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
