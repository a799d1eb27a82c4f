import type { RunLimits } from '../../engine/engine.js';
import { createInvariantMonitor } from '../../checks/invariant-monitor.js';
import type { Simulation } from '../../model/simulation.js';
import type { Scenario } from '../../scenario/types.js';
import type { TraceRecord } from '../../trace/records.js';
import type { WritingStep } from './decision-points.js';
import { isRecovering } from './recovery-window.js';

/** What one case's run showed. */
export interface CaseOutcome {
  /** Invariants broken, by id, sorted, each once. */
  violated: string[];
  /** Of those, the ones that judge a policy (not a finding unless asked). */
  policyViolated: string[];
  /** The simulator threw: a model bug (the message). */
  exception?: string;
  /** Events the run handled from the injection on. */
  events: number;
  exhausted: boolean;
  /** Records written from the injection on (kept only when asked: depth 2 walks them). */
  records?: TraceRecord[];
  /** Writing steps after the injection, each with whether recovery was still under way after it (depth 2). */
  steps?: (WritingStep & { recovering: boolean })[];
}

export interface RunCaseOptions {
  /** Check invariants (false: a walk only, to find where a second fault may land). */
  check: boolean;
  /** Keep records and writing steps for a depth-2 walk. */
  keep: boolean;
  /** The records before the fork: the invariant monitor must have seen them, as it would in a run from zero. */
  prefix: readonly TraceRecord[];
  /** The writing step of the injection itself (the fault's own records), if any. */
  injection?: WritingStep;
  /** Sees every record of the case, the prefix first, as the invariant monitor does (the report's cost of a fault). */
  watch?: (record: TraceRecord) => void;
}

/**
 * Runs a fork, already injected, to the end of the run. The invariant
 * catalogue first reads the records before the fork (the checkers are
 * observers of the whole run, and their memory is not forkable), then
 * watches the fork's records as they are written.
 */
export function runCase(sim: Simulation, scenario: Scenario, limits: RunLimits, options: RunCaseOptions): CaseOutcome {
  const monitor = options.check ? createInvariantMonitor(scenario) : undefined;
  const found = new Map<string, string>();
  const note = (vs: readonly { invariant: string; kind: string }[]): void => {
    for (const v of vs) if (!found.has(v.invariant)) found.set(v.invariant, v.kind);
  };
  if (monitor) {
    for (const r of options.prefix) note(monitor.onRecord(r));
    sim.subscribe((r) => note(monitor.onRecord(r)));
  }
  if (options.watch) {
    for (const r of options.prefix) options.watch(r);
    sim.subscribe(options.watch);
  }
  const records: TraceRecord[] | undefined = options.keep ? [] : undefined;
  if (records) sim.subscribe((r) => records.push(r));
  const steps: (WritingStep & { recovering: boolean })[] | undefined = options.keep ? [] : undefined;
  if (steps && options.injection) steps.push({ ...options.injection, recovering: isRecovering(sim) });
  const startEvents = sim.engine.eventsProcessed;
  let exception: string | undefined;
  let exhausted = false;
  try {
    for (;;) {
      const before = sim.recorder.nextSeq;
      const outcome = sim.step(limits);
      if (outcome !== undefined) {
        exhausted = outcome.kind === 'event-budget-exhausted';
        sim.finish(outcome);
        break;
      }
      if (steps && sim.recorder.nextSeq > before) {
        steps.push({ step: sim.engine.eventsProcessed, atUs: sim.nowUs, firstSeq: before, lastSeq: sim.recorder.nextSeq - 1, recovering: isRecovering(sim) });
      }
    }
    if (monitor) note(monitor.finish());
  } catch (error) {
    exception = error instanceof Error ? error.message : String(error);
  }
  const violated = [...found.keys()].sort();
  return {
    violated,
    policyViolated: violated.filter((id) => found.get(id) === 'policy'),
    ...(exception === undefined ? {} : { exception }),
    events: sim.engine.eventsProcessed - startEvents,
    exhausted,
    ...(records ? { records } : {}),
    ...(steps ? { steps } : {}),
  };
}
