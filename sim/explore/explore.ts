import fc from 'fast-check';
import type { Micros } from '../engine/time.js';
import { recoveryBoundUs } from '../checks/invariants/bounds.js';
import { faultKindOf } from '../faults/registry.js';
import type { FaultSpec, Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import type { TraceFile, Violation } from '../trace/trace-file.js';
import { scheduleArb, swarmScheduleArb, type ScheduleShape } from './arbitraries.js';
import { firstDivergence, type Divergence } from './determinism.js';
import { shrinkSchedule } from './shrink.js';
import { CRASH_LOOP, CRASH_LOOP_TIMES, DEFAULT_EXPLORE_FAULT_KINDS, type ExploreFaultKind } from './vocabulary.js';

export interface ExploreOptions {
  /** The seed of the search: the same seed, scenario and options give the same runs and the same finding. */
  seed: number;
  /** Generated schedules to try (default 200). */
  runs?: number;
  /** Fault kinds to draw from (default: DEFAULT_EXPLORE_FAULT_KINDS). */
  kinds?: readonly ExploreFaultKind[];
  /** Each run draws from a random non-empty subset of `kinds`. */
  swarm?: boolean;
  /** Faults per schedule, at most (default 4). */
  maxFaults?: number;
  /** Run every case twice and compare the traces byte for byte. */
  checkDeterminism?: boolean;
  /** Event budget per run (default: 20 times a fault-free run's events plus 100 000, at most the scenario's). */
  eventBudget?: number;
  /** Candidate runs the shrinker may spend (default 400). */
  shrinkTriesMax?: number;
  /**
   * Count violations of policy invariants as findings too (default false).
   * A policy invariant (e.g. no-restart-livelock) judges the policy the
   * scenario chose, which a sound model obeys; by default its violations are
   * only counted in the report, so that a search for model bugs is not
   * stopped by a policy that asks for a restart loop.
   */
  policy?: boolean;
}

export const EXPLORE_DEFAULTS = { runs: 200, maxFaults: 4, shrinkTriesMax: 400 } as const;

export interface ExploreProgress {
  phase: 'search' | 'shrink';
  /** Runs of the search done so far, of `runs`. */
  run: number;
  runs: number;
  /** Shrink candidates tried so far. */
  shrinkTries: number;
}

export interface ExploreHooks {
  onProgress?(progress: ExploreProgress): void;
}

/** What broke: an invariant, determinism, or the simulator itself (an exception). */
export type Failure =
  | { kind: 'violation'; invariant: string; violation: Violation }
  | { kind: 'divergence'; divergence: Divergence }
  | { kind: 'exception'; message: string };

export interface ExploreFinding {
  failure: Failure;
  /** 1-based index of the search run that failed; 0 when the scenario fails with no fault at all. */
  run: number;
  /** The simulation seed of the failing case (streams: requests, stochastic faults). */
  simSeed: number;
  /** fast-check's replay path of the failing case (with the search seed). */
  path: string | null;
  original: FaultSpec[];
  minimal: FaultSpec[];
  shrinkTries: number;
  /** The minimal case's scenario (faults, seed and event budget set; no `expect`) and its trace. */
  scenario: Scenario;
  trace: TraceFile;
}

export interface ExploreReport {
  seed: number;
  runsPlanned: number;
  runsDone: number;
  kinds: ExploreFaultKind[];
  swarm: boolean;
  maxFaults: number;
  checkDeterminism: boolean;
  windowUs: Micros;
  /** False when the run is too short for the recovery bound after the fault window. */
  livenessJudged: boolean;
  eventBudget: number;
  faultsTried: number;
  kindsTried: Record<string, number>;
  triggersTried: Record<string, number>;
  eventsSimulated: number;
  virtualUs: Micros;
  budgetExhaustedRuns: number;
  /** Whether policy invariants counted as findings (`policy`). */
  policy: boolean;
  /** Runs that broke each policy invariant without it being a finding (empty with `policy`). */
  policyViolations: Record<string, number>;
  finding?: ExploreFinding;
}

/**
 * The shortest scenario duration whose heal phase covers the recovery bound
 * (faultWindowOf() judges liveness when the fault window is at least a quarter
 * of the run): what `duration:` (or `recsim import --duration`) must be for a
 * search to judge liveness at all.
 */
export function livenessDurationUs(scenario: Scenario): Micros {
  let delayMaxUs = 0;
  for (const c of scenario.components) delayMaxUs = Math.max(delayMaxUs, c.policy.delayUs);
  const us = ((recoveryBoundUs(scenario) + delayMaxUs) * 4) / 3;
  const unit = us > 60e6 ? 60e6 : 1e6; // whole minutes, or whole seconds below one
  return Math.ceil(us / unit) * unit;
}

/** The line a search prints when its heal phase is too short to judge liveness: prominently, with the duration that would. */
export function livenessNotJudgedLine(scenario: Scenario, formatDuration: (us: Micros) => string): string {
  return `LIVENESS NOT JUDGED: the ${formatDuration(scenario.durationUs)} run leaves too short a heal phase for the recovery bound, so only safety was checked; ` +
    `a duration of at least ${formatDuration(livenessDurationUs(scenario))} judges liveness (\`duration:\` in the scenario, or \`recsim import --duration\`)`;
}

/** The instant faults stop, leaving a heal phase long enough for every liveness bound. */
export function faultWindowOf(scenario: Scenario): { windowUs: Micros; livenessJudged: boolean } {
  let delayMaxUs = 0;
  for (const c of scenario.components) delayMaxUs = Math.max(delayMaxUs, c.policy.delayUs);
  const windowUs = scenario.durationUs - recoveryBoundUs(scenario) - delayMaxUs;
  if (windowUs >= scenario.durationUs / 4) return { windowUs, livenessJudged: true };
  return { windowUs: Math.floor(scenario.durationUs / 2), livenessJudged: false };
}

/** The explore kind a generated fault came from (a crash loop is a crash with a persistent trigger). */
export function exploreKindOf(f: FaultSpec): string {
  if (f.fault === 'crash' && f.trigger.kind === 'when' && f.trigger.times >= CRASH_LOOP_TIMES) return CRASH_LOOP;
  return faultKindOf(f.fault).key;
}

/** The scenario one case runs: the system and policies kept, the faults replaced, expectations dropped. */
export function caseScenario(base: Scenario, faults: FaultSpec[], simSeed: number, eventBudget: number): Scenario {
  return { ...base, faults, seed: simSeed, eventBudget, expect: undefined };
}

function runCase(scenario: Scenario): TraceFile {
  return simulate(scenario);
}

/** Safety and liveness violations say the model is broken; a policy invariant's does only when the search asks for it. */
function isFinding(v: Violation, policy: boolean): boolean {
  return policy || v.kind !== 'policy';
}

function failureOf(scenario: Scenario, checkDeterminism: boolean, policy: boolean): { failure?: Failure; trace?: TraceFile } {
  let trace: TraceFile;
  try {
    trace = runCase(scenario);
  } catch (error) {
    return { failure: { kind: 'exception', message: error instanceof Error ? error.message : String(error) } };
  }
  if (checkDeterminism) {
    const divergence = firstDivergence(trace, runCase(scenario));
    if (divergence) return { failure: { kind: 'divergence', divergence }, trace };
  }
  const v = trace.summary.violations.find((x) => isFinding(x, policy));
  if (v) return { failure: { kind: 'violation', invariant: v.invariant, violation: v }, trace };
  return { trace };
}

/** Whether a case shows the same kind of failure: the same invariant, a divergence, or an exception. */
function sameFailure(a: Failure, b: Failure | undefined): boolean {
  if (!b || a.kind !== b.kind) return false;
  return a.kind !== 'violation' || (b.kind === 'violation' && a.invariant === b.invariant);
}

function showsFailure(scenario: Scenario, target: Failure, checkDeterminism: boolean, policy: boolean): boolean {
  if (target.kind === 'violation') {
    try {
      return runCase(scenario).summary.violations.some((v) => v.invariant === target.invariant);
    } catch {
      return false;
    }
  }
  return sameFailure(target, failureOf(scenario, checkDeterminism, policy).failure);
}

/**
 * The explore loop: keeps the scenario's system and policies, draws fault
 * schedules with fast-check from the search seed, runs each, and on the first
 * failure shrinks the schedule to a minimal one that still fails the same way.
 * Pure of the wall clock: progress goes through `hooks`, and the caller decides
 * what to print and when.
 */
export function explore(base: Scenario, options: ExploreOptions, hooks: ExploreHooks = {}): ExploreReport {
  const runs = options.runs ?? EXPLORE_DEFAULTS.runs;
  const kinds = [...(options.kinds ?? DEFAULT_EXPLORE_FAULT_KINDS)];
  const maxFaults = options.maxFaults ?? EXPLORE_DEFAULTS.maxFaults;
  const checkDeterminism = options.checkDeterminism ?? false;
  const swarm = options.swarm ?? false;
  const policy = options.policy ?? false;
  const { windowUs, livenessJudged } = faultWindowOf(base);

  // A fault-free run first: it sizes the event budget, and a scenario that fails without faults is a finding of its own.
  const quiet = caseScenario(base, [], base.seed, base.eventBudget);
  const quietResult = failureOf(quiet, checkDeterminism, policy);
  const quietEvents = quietResult.trace?.summary.events ?? 0;
  const eventBudget = options.eventBudget ?? Math.min(base.eventBudget, 20 * quietEvents + 100_000);

  const report: ExploreReport = {
    seed: options.seed,
    runsPlanned: runs,
    runsDone: 0,
    kinds,
    swarm,
    maxFaults,
    checkDeterminism,
    windowUs,
    livenessJudged,
    eventBudget,
    faultsTried: 0,
    kindsTried: {},
    triggersTried: {},
    eventsSimulated: quietEvents,
    virtualUs: quietResult.trace?.summary.endUs ?? 0,
    budgetExhaustedRuns: 0,
    policy,
    policyViolations: {},
  };
  const countPolicyViolations = (trace: TraceFile | undefined): void => {
    if (policy || !trace) return;
    for (const id of new Set(trace.summary.violations.filter((v) => v.kind === 'policy').map((v) => v.invariant))) {
      report.policyViolations[id] = (report.policyViolations[id] ?? 0) + 1;
    }
  };
  countPolicyViolations(quietResult.trace);

  const finish = (failure: Failure, run: number, simSeed: number, path: string | null, original: FaultSpec[]): ExploreReport => {
    const scenarioOf = (faults: FaultSpec[]): Scenario => caseScenario(base, faults, simSeed, eventBudget);
    let shrinkTries = 0;
    const firstTrace = failureOf(scenarioOf(original), checkDeterminism, policy).trace;
    const shrunk = shrinkSchedule(
      original,
      (faults) => {
        shrinkTries++;
        hooks.onProgress?.({ phase: 'shrink', run: report.runsDone, runs, shrinkTries });
        return showsFailure(scenarioOf(faults), failure, checkDeterminism, policy);
      },
      { triesMax: options.shrinkTriesMax ?? EXPLORE_DEFAULTS.shrinkTriesMax, records: firstTrace?.records },
    );
    const scenario = scenarioOf(shrunk.faults);
    const minimal = failureOf(scenario, checkDeterminism, policy);
    // Report the failure the minimal case shows (same invariant; message and record from the minimal run).
    const shown = minimal.failure && sameFailure(failure, minimal.failure) ? minimal.failure : failure;
    const targeted = shown.kind === 'violation' && minimal.trace
      ? { ...shown, violation: minimal.trace.summary.violations.find((v) => v.invariant === shown.invariant) ?? shown.violation }
      : shown;
    report.finding = {
      failure: targeted,
      run,
      simSeed,
      path,
      original,
      minimal: shrunk.faults,
      shrinkTries: shrunk.tries,
      scenario,
      trace: minimal.trace ?? runCase(scenario),
    };
    return report;
  };

  if (quietResult.failure) return finish(quietResult.failure, 0, base.seed, null, []);

  const shape: ScheduleShape = { components: base.components.map((c) => c.name), kinds, windowUs, maxFaults };
  const schedules = swarm ? swarmScheduleArb(shape) : scheduleArb(shape).map((faults) => ({ kinds, faults }));
  const cases = fc.record({ simSeed: fc.nat({ max: 2 ** 31 - 1 }), schedule: schedules });

  let failing: { failure: Failure; run: number; simSeed: number; faults: FaultSpec[] } | undefined;
  const details = fc.check(
    fc.property(cases, ({ simSeed, schedule }) => {
      report.runsDone++;
      for (const f of schedule.faults) {
        report.faultsTried++;
        const kind = exploreKindOf(f);
        report.kindsTried[kind] = (report.kindsTried[kind] ?? 0) + 1;
        report.triggersTried[f.trigger.kind] = (report.triggersTried[f.trigger.kind] ?? 0) + 1;
      }
      const { failure, trace } = failureOf(caseScenario(base, schedule.faults, simSeed, eventBudget), checkDeterminism, policy);
      countPolicyViolations(trace);
      if (trace) {
        report.eventsSimulated += trace.summary.events;
        report.virtualUs += trace.summary.endUs;
        if (trace.summary.outcome === 'event-budget-exhausted') report.budgetExhaustedRuns++;
      }
      hooks.onProgress?.({ phase: 'search', run: report.runsDone, runs, shrinkTries: 0 });
      if (failure) failing = { failure, run: report.runsDone, simSeed, faults: schedule.faults };
      return failure === undefined;
    }),
    { seed: options.seed, numRuns: runs, endOnFailure: true },
  );
  if (!failing) return report;
  return finish(failing.failure, failing.run, failing.simSeed, details.counterexamplePath, failing.faults);
}
