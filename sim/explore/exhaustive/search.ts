import type { RunLimits } from '../../engine/engine.js';
import type { Micros } from '../../engine/time.js';
import { recoveryBoundUs } from '../../checks/invariants/bounds.js';
import { Simulation } from '../../model/simulation.js';
import type { FaultSpec, Scenario } from '../../scenario/types.js';
import type { TraceRecord } from '../../trace/records.js';
import { faultWindowOf } from '../explore.js';
import { CRASH_LOOP, DEFAULT_EXPLORE_FAULT_KINDS, type ExploreFaultKind } from '../vocabulary.js';
import { canonicalKey } from './canonical-state.js';
import { decisionPoints, scanWritingSteps, walkPoints, type DecisionPoint, type WritingStep } from './decision-points.js';
import { menuOf, specAt, type MenuFault } from './fault-menu.js';
import { forkAndInject } from './inject.js';
import { neighbourhoodOf, windowCapUs } from './recovery-window.js';
import { emptyResult, noteFinding, type ExhaustiveResult, type PlacedFault } from './result.js';
import { runCase, type CaseOutcome } from './run-case.js';
import { faultCostObserver, noEffectCost, type FaultCost } from './fault-cost.js';
import { noteCase, sortRows } from './single-fault-rows.js';

export interface ExhaustiveOptions {
  depth: 1 | 2;
  /** Fault kinds (default: explore's default kinds). */
  kinds?: readonly ExploreFaultKind[];
  /** Second-fault targets: the first fault's neighbourhood (default) or every component. */
  targets?: 'neighbourhood' | 'all';
  /** Keep the scenario's own faults as the background (default: removed). */
  keepFaults?: boolean;
  /** Skip a case whose state after injection was already explored (default true). */
  dedup?: boolean;
  /** Policy invariants count as findings (as `recsim explore --policy`). */
  policy?: boolean;
  /**
   * Measure what each single fault costs (the single-point-of-failure report): `singleFaults` in the result.
   * A crash loop is not a single fault (it fires at every start) and has no row.
   */
  report?: boolean;
  /** Only the depth-1 cases i with i mod count = index (and their second faults). */
  shard?: { index: number; count: number };
  /** Event budget per run (default as random explore: 20 times a fault-free run's events plus 100 000, at most the scenario's). */
  eventBudget?: number;
  onProgress?(done: { depth1: number; depth1Planned: number; cases: number }): void;
}

/** What a later case whose state matches needs to know: what the run showed, and which second faults its window was searched with. */
interface Explored {
  violated: string[];
  /** The reference run at a point (a fault that changed nothing): its violations are reported as the reference's. */
  reference?: boolean;
  events: number;
  exhausted: boolean;
  /** Depth 2: the number of second-fault points in its window, and the targets already tried there. */
  windowPoints?: number;
  windowTargets?: Set<string>;
  /** What the second faults in its window broke: a duplicate whose window is skipped whole breaks the same (on its targets). */
  windowPointList?: DecisionPoint[];
  /** Events handled before its injection: a duplicate's second-fault points are shifted by the difference. */
  injectedAtStep?: number;
  windowFound?: { point: DecisionPoint; fault: MenuFault; invariant: string }[];
  /** What the case cost (with `report`): a duplicate costs the same. */
  cost?: FaultCost;
}

/** The scenario a case runs: the system kept, the background faults (or none), no expectations. */
export function exhaustiveBase(scenario: Scenario, keepFaults: boolean, eventBudget: number): Scenario {
  return { ...scenario, faults: keepFaults ? scenario.faults : [], expect: undefined, eventBudget };
}

function withFaults(base: Scenario, extra: readonly FaultSpec[]): Scenario {
  return { ...base, faults: [...base.faults, ...extra] };
}

/**
 * Exhaustive exploration: every fault of the menu (kind x target) at every
 * decision point of the reference run (depth 1), and at depth 2 every second
 * fault at every decision point of each first fault's run while recovery is
 * under way, on the first fault's neighbourhood. Each case runs from a fork
 * of the run it branches from, never from time zero; a case whose state just
 * after injection was already explored (canonical-state.ts) is skipped and
 * counted. Deterministic: the same scenario and options give the same result.
 */
export function exhaustive(scenario: Scenario, options: ExhaustiveOptions): ExhaustiveResult {
  const kinds = [...(options.kinds ?? DEFAULT_EXPLORE_FAULT_KINDS)];
  const dedup = options.dedup ?? true;
  const policy = options.policy ?? false;
  const keepFaults = options.keepFaults ?? false;
  const wideTargets = options.targets === 'all';
  const shard = options.shard ?? { index: 0, count: 1 };
  const { windowUs, livenessJudged } = faultWindowOf(scenario);
  const healBoundUs = recoveryBoundUs(scenario);
  const components = scenario.components.map((c) => c.name);

  // Pass one over the reference run: where records are written, and how many events a fault-free run takes.
  const quietBase = exhaustiveBase(scenario, keepFaults, scenario.eventBudget);
  const scan = Simulation.create(quietBase, quietBase.seed);
  const scanRecords: TraceRecord[] = [];
  scan.subscribe((r) => scanRecords.push(r));
  scan.start();
  const steps = scanWritingSteps(scan, scanRecords, { untilUs: quietBase.durationUs, eventBudget: quietBase.eventBudget }, 0);
  const eventBudget = options.eventBudget ?? Math.min(scenario.eventBudget, 20 * scan.engine.eventsProcessed + 100_000);
  const base = exhaustiveBase(scenario, keepFaults, eventBudget);
  const limits: RunLimits = { untilUs: base.durationUs, eventBudget };
  const points = decisionPoints(steps, 0, windowUs);
  const menu = menuOf(kinds, components);

  const result = emptyResult({ scenario: scenario.name, depth: options.depth, kinds, components: components.length, windowUs, livenessJudged, eventBudget, dedup, policy, shard, targets: wideTargets ? 'all' : 'neighbourhood' });
  const report = options.report ?? false;
  if (report) result.singleFaults = [];
  result.points = points.length;
  const seen = new Map<string, Explored>();
  const keys = new Set<string>();
  const depth1Planned = points.length * menu.length;

  // The reference run itself: what a fault that changes nothing leads to.
  let referenceEvents = 0;
  let referenceExhausted = false;
  const reference = Simulation.create(base, base.seed);
  const referenceRecords: TraceRecord[] = [];
  reference.subscribe((r) => referenceRecords.push(r));
  reference.start();
  {
    const quiet = runCase(reference.fork(), base, limits, { check: true, keep: false, prefix: referenceRecords.slice() });
    result.referenceViolated = quiet.violated.filter((id) => policy || !quiet.policyViolated.includes(id));
    result.eventsSimulated += quiet.events;
    referenceEvents = quiet.events;
    referenceExhausted = quiet.exhausted;
  }

  const findingsOf = (o: CaseOutcome): string[] => {
    const out = o.violated.filter((id) => policy || !o.policyViolated.includes(id));
    if (o.exception !== undefined) out.push('simulator-exception');
    return out;
  };

  /** Looks a key up: the twin's outcome when this case may be skipped. */
  const twinOf = (key: string, eventsLeft: number): Explored | undefined => {
    keys.add(key);
    if (!dedup) return undefined;
    const twin = seen.get(key);
    // A twin that ran out of budget, or used more events than this case has left, does not vouch for it.
    if (twin === undefined || twin.exhausted || twin.events > eventsLeft) return undefined;
    return twin;
  };

  let depth1Index = -1;
  walkPoints(reference, points, limits, (point) => {
    // The reference at this point is a case too: a fault that changes nothing is its duplicate.
    if (dedup) {
      const key = canonicalKey(reference);
      if (!seen.has(key)) seen.set(key, { violated: result.referenceViolated, reference: true, events: referenceEvents - reference.engine.eventsProcessed, exhausted: referenceExhausted });
    }
    for (const first of menu) {
      depth1Index++;
      if (depth1Index % shard.count !== shard.index) continue;
      options.onProgress?.({ depth1: depth1Index + 1, depth1Planned, cases: result.cases });
      const firstSpec = specAt(first, point.atUs);
      const caseScenario = withFaults(base, [firstSpec]);
      const { sim: fork, records: injectedRecords, step: injection } = forkAndInject(reference, firstSpec, point.atUs);
      const placedFirst: PlacedFault = { fault: first, stepsDone: point.stepsDone, atUs: point.atUs, side: point.side, seq: point.seq };
      result.cases++;
      result.depth1Cases++;
      const key = canonicalKey(fork);
      const injectedAtStep = fork.engine.eventsProcessed;
      const eventsLeft = eventBudget - injectedAtStep;
      const found = twinOf(key, eventsLeft);
      // The report needs a twin's cost: a depth-2 state (no cost kept) does not vouch for a depth-1 case.
      const twin = report && found !== undefined && !found.reference && found.cost === undefined ? undefined : found;
      let explored: Explored;
      let outcome: CaseOutcome | undefined;
      if (twin) {
        result.skipped++;
        explored = twin;
        // Same state, same future: it breaks what its twin broke (counted, and a candidate for the first case).
        if (!twin.reference) for (const id of twin.violated) noteFinding(result, id, [placedFirst], [depth1Index]);
        if (report && first.kind !== CRASH_LOOP) noteCase(result.singleFaults!, placedFirst, depth1Index, twin.reference ? noEffectCost() : twin.cost!);
      } else {
        const costs = report ? faultCostObserver(base, injectedRecords[0]?.seq ?? fork.recorder.nextSeq, first.kind) : undefined;
        outcome = runCase(fork, caseScenario, limits, { check: true, keep: options.depth === 2, prefix: [...referenceRecords, ...injectedRecords], injection, ...(costs ? { watch: costs.sink } : {}) });
        result.runs++;
        result.eventsSimulated += outcome.events;
        result.eventsFromZero += fork.engine.eventsProcessed;
        explored = { violated: findingsOf(outcome), events: outcome.events, exhausted: outcome.exhausted || outcome.exception !== undefined };
        if (costs) {
          explored.cost = costs.cost(outcome.violated);
          if (first.kind !== CRASH_LOOP) noteCase(result.singleFaults!, placedFirst, depth1Index, explored.cost);
        }
        if (dedup) seen.set(key, explored);
        for (const id of findingsOf(outcome)) noteFinding(result, id, [placedFirst], [depth1Index]);
        for (const id of outcome.policyViolated) if (!policy) result.policyViolations[id] = (result.policyViolations[id] ?? 0) + 1;
      }
      // A crash loop is itself an unbounded run of faults: it is paired with nothing (depth 1 only).
      if (options.depth === 1 || first.kind === CRASH_LOOP) continue;

      // Depth 2: second faults in the window where recovery from the first is under way.
      const targets = wideTargets ? components : neighbourhoodOf(fork.topo, first.target);
      const secondMenu = menuOf(kinds.filter((k) => k !== CRASH_LOOP), targets);
      if (twin?.windowTargets !== undefined && targets.every((t) => twin.windowTargets!.has(t))) {
        // The same state after injection: the same window, the same states in it; every second fault here was tried from the twin.
        const skippedCases = twin.windowPoints! * secondMenu.length;
        result.depth2Points += twin.windowPoints!;
        for (const f of twin.windowFound ?? []) {
          const at = secondMenu.findIndex((m) => m.kind === f.fault.kind && m.target === f.fault.target);
          if (at < 0) continue;
          const shift = injectedAtStep - twin.injectedAtStep!;
          const placedSecond: PlacedFault = { fault: f.fault, stepsDone: f.point.stepsDone + shift, atUs: f.point.atUs, side: f.point.side, seq: f.point.seq };
          noteFinding(result, f.invariant, [placedFirst, placedSecond], [depth1Index, window2Index(twin, f.point) * secondMenu.length + at]);
        }
        result.cases += skippedCases;
        result.skipped += skippedCases;
        continue;
      }
      if (!outcome || !outcome.steps) {
        // A duplicate whose window was searched on other targets (or not at all): walk this run to find its window.
        const walk = forkAndInject(reference, firstSpec, point.atUs).sim;
        outcome = runCase(walk, caseScenario, limits, { check: false, keep: true, prefix: [], injection });
        result.walks++;
        result.eventsSimulated += outcome.events;
        result.eventsFromZero += walk.engine.eventsProcessed;
      }
      const window = windowPointsOf(outcome.steps!, injectedAtStep, point.atUs, windowCapUs(point.atUs, healBoundUs, windowUs));
      result.depth2Points += window.length;
      explored.windowPoints = window.length;
      explored.windowTargets = new Set([...(explored.windowTargets ?? []), ...targets]);
      explored.windowPointList = window;
      explored.injectedAtStep = injectedAtStep;
      const windowFound = (explored.windowFound ??= []);
      if (window.length === 0) continue;

      const { sim: firstRun, records: firstInjected } = forkAndInject(reference, firstSpec, point.atUs);
      const firstRecords: TraceRecord[] = [...referenceRecords, ...firstInjected];
      firstRun.subscribe((r) => firstRecords.push(r));
      let depth2Index = -1;
      const walkFromEvents = firstRun.engine.eventsProcessed;
      walkPoints(firstRun, window, limits, (second: DecisionPoint) => {
        for (const next of secondMenu) {
          depth2Index++;
          const secondSpec = specAt(next, second.atUs);
          const { sim: fork2, records: secondInjected } = forkAndInject(firstRun, secondSpec, second.atUs);
          result.cases++;
          const key2 = canonicalKey(fork2);
          const placedSecond: PlacedFault = { fault: next, stepsDone: second.stepsDone, atUs: second.atUs, side: second.side, seq: second.seq };
          const twin2 = twinOf(key2, eventBudget - fork2.engine.eventsProcessed);
          if (twin2) {
            result.skipped++;
            if (!twin2.reference) {
              for (const id of twin2.violated) {
                noteFinding(result, id, [placedFirst, placedSecond], [depth1Index, depth2Index]);
                windowFound.push({ point: second, fault: next, invariant: id });
              }
            }
            continue;
          }
          const o2 = runCase(fork2, withFaults(base, [firstSpec, secondSpec]), limits, { check: true, keep: false, prefix: [...firstRecords, ...secondInjected] });
          result.runs++;
          result.eventsSimulated += o2.events;
          result.eventsFromZero += fork2.engine.eventsProcessed;
          const found = findingsOf(o2);
          if (dedup) seen.set(key2, { violated: found, events: o2.events, exhausted: o2.exhausted || o2.exception !== undefined });
          for (const id of found) {
            noteFinding(result, id, [placedFirst, placedSecond], [depth1Index, depth2Index]);
            windowFound.push({ point: second, fault: next, invariant: id });
          }
          for (const id of o2.policyViolated) if (!policy) result.policyViolations[id] = (result.policyViolations[id] ?? 0) + 1;
        }
      });
      // The walk to the second-fault points is simulation too (a run from zero would redo the first fault's prefix each time, counted above).
      result.eventsSimulated += firstRun.engine.eventsProcessed - walkFromEvents;
    }
  });
  result.distinctStates = keys.size;
  result.keys = [...keys].sort();
  if (result.singleFaults) result.singleFaults = sortRows(result.singleFaults);
  return result;
}

/** Where a point sits in a twin's window (the depth-2 order of a finding copied from it). */
function window2Index(twin: Explored, point: DecisionPoint): number {
  return twin.windowPointList!.findIndex((p) => p.stepsDone === point.stepsDone && p.atUs === point.atUs);
}

/**
 * The second-fault points of a first fault's run: its decision points from
 * the injection on, up to the first at which recovery is no longer under way
 * (that one included: "the system is back"), and never past `capUs`.
 */
function windowPointsOf(steps: readonly (WritingStep & { recovering: boolean })[], injectedAtStep: number, fromUs: Micros, capUs: Micros): DecisionPoint[] {
  const end = steps.findIndex((s) => !s.recovering);
  const inWindow = end < 0 ? steps : steps.slice(0, end + 1);
  return decisionPoints(inWindow, fromUs, capUs + 1, injectedAtStep);
}
