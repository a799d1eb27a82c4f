import type { Micros } from '../engine/time.js';
import type { Scenario } from '../scenario/types.js';
import type { TraceRecord } from '../trace/records.js';
import { emptyTally, tallyRecord, type RecordTally } from '../trace/tally.js';
import type { RunSummary, Violation } from '../trace/trace-file.js';
import { TraceReplay } from './replay.js';
import { positionsOf } from './component-positions.js';
import { ServingClock, servingSpecOf } from '../trace/serving-time.js';

/**
 * Counts what a run did as its records are written: reboots, restarts,
 * losses, final states. Memory in proportion to the system, not the run.
 */
export class RunCounter {
  /** The counts, as sim/trace/tally.ts defines them for the summary and the viewer alike. */
  readonly tally: RecordTally = emptyTally();
  records = 0;
  private readonly replay: TraceReplay;
  /** Up and serving time ("available" means serving, "up" means running). */
  private readonly clock: ServingClock;

  constructor(components: Scenario['components']) {
    this.replay = new TraceReplay(components);
    const positions = positionsOf(components);
    this.clock = new ServingClock(components.map(servingSpecOf), (name) => positions.of(name));
  }

  readonly sink = (r: TraceRecord): void => {
    this.records++;
    this.replay.apply(r);
    this.clock.sink(r);
    tallyRecord(this.tally, r);
  };

  summary(scenario: Scenario, seed: number, run: { outcome: RunSummary['outcome']; endUs: Micros; events: number }, violations: Violation[]): Omit<RunSummary, 'expectations'> {
    const finalStates: RunSummary['finalStates'] = {};
    for (const c of scenario.components) finalStates[c.name] = this.replay.stateOf(c.name);
    const { upUs, servingUs } = this.clock.totals(run.endUs);
    const share = (us: number[]): number => us.reduce((a, b) => a + b, 0) / (Math.max(1, run.endUs) * Math.max(1, us.length));
    return {
      scenario: scenario.name,
      seed,
      outcome: run.outcome,
      endUs: run.endUs,
      events: run.events,
      records: this.records,
      reboots: { graceful: this.tally.graceful, ungraceful: this.tally.ungraceful },
      restarts: { total: this.tally.restarts, byComponent: { ...this.tally.restartsByComponent } },
      lostRequests: this.tally.lostRequests,
      refusedRequests: this.tally.refusedRequests,
      delayedRequests: this.tally.delayedRequests,
      requestDelayUs: this.tally.requestDelayUs,
      lostDataBytes: this.tally.lostDataBytes,
      availability: share(servingUs),
      up: share(upUs),
      finalStates,
      violations,
    };
  }
}

/** Counts what a run did, from its records alone. */
export function summarise(
  scenario: Scenario,
  seed: number,
  records: readonly TraceRecord[],
  run: { outcome: RunSummary['outcome']; endUs: Micros; events: number },
  violations: Violation[],
): Omit<RunSummary, 'expectations'> {
  const counter = new RunCounter(scenario.components);
  for (const r of records) counter.sink(r);
  return counter.summary(scenario, seed, run, violations);
}
