import type { RunLimits } from '../../engine/engine.js';
import { Simulation } from '../../model/simulation.js';
import type { FaultSpec, FaultTrigger, Scenario } from '../../scenario/types.js';
import { simulate } from '../../simulate.js';
import type { TraceRecord } from '../../trace/records.js';
import type { TraceFile } from '../../trace/trace-file.js';
import type { ExploreFinding } from '../explore.js';
import { shrinkSchedule } from '../shrink.js';
import { CRASH_LOOP } from '../vocabulary.js';
import { specAt } from './fault-menu.js';
import { forkAndInject } from './inject.js';
import type { InvariantFinding, PlacedFault } from './result.js';

/** What a finding becomes: a schedule a scenario file can hold, the run from time zero that shows it, or why none could be found. */
export type WrittenFinding = { finding: ExploreFinding } | { unreplayable: string };

/**
 * The records of a case as exhaustive ran it (forks of the reference), from
 * time zero: where each fault landed, next to which records.
 */
export function caseRecords(base: Scenario, placed: readonly PlacedFault[], limits: RunLimits): TraceRecord[] {
  const records: TraceRecord[] = [];
  let sim = Simulation.create(base, base.seed);
  sim.subscribe((r) => records.push(r));
  sim.start();
  for (const p of placed) {
    while (sim.engine.eventsProcessed < p.stepsDone && sim.step(limits) === undefined);
    const next = forkAndInject(sim, specAt(p.fault, p.atUs), p.atUs);
    records.push(...next.records);
    sim = next.sim;
    sim.subscribe((r) => records.push(r));
  }
  sim.run(limits);
  return records;
}

/**
 * File-expressible placements of one fault, most literal first: at its
 * instant, on the record it follows, or one microsecond after its instant.
 * A scripted fault fires before the other events of its instant, so a fault
 * the search placed after some of them (a driver's start completing, a
 * restart beginning) is written as `at: t + 1us` when nothing else happens
 * in that microsecond: the run from time zero then decides whether it still
 * breaks the invariant.
 */
export function placementsOf(p: PlacedFault, records: readonly TraceRecord[]): FaultSpec[] {
  const spec = specAt(p.fault, p.atUs);
  if (p.fault.kind === CRASH_LOOP) return [spec];
  const out: FaultSpec[] = [spec];
  const anchor = records.find((r) => r.seq === (p.side === 'after' ? p.seq : p.seq - 1));
  if (anchor && anchor.type !== 'run-started' && anchor.type !== 'fault') {
    // Only when the anchor is the first record of its kind about its component: `when` fires on the first match.
    const first = records.find((r) => r.type === anchor.type && r.component === anchor.component);
    if (first?.seq === anchor.seq) {
      const trigger: FaultTrigger = { kind: 'when', record: anchor.type, component: anchor.component, afterUs: p.atUs - anchor.t, times: 1 };
      out.push({ ...spec, trigger } as FaultSpec);
    }
  }
  if (p.side === 'after') out.push(specAt(p.fault, p.atUs + 1));
  return out;
}

function product<T>(lists: readonly T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

/**
 * Turns the first case that broke an invariant into a scenario file's fault
 * schedule: tries the literal placements (at the instant; on the record the
 * fault followed), keeps the first whose run from time zero breaks the same
 * invariant, then shrinks it as `recsim explore` does.
 */
export function writtenFinding(base: Scenario, found: InvariantFinding, eventBudget: number, shrinkTriesMax = 200): WrittenFinding {
  const limits = { untilUs: base.durationUs, eventBudget };
  const scenarioOf = (faults: FaultSpec[]): Scenario => ({ ...base, faults: [...base.faults, ...faults], expect: undefined, eventBudget });
  const breaks = (faults: FaultSpec[]): TraceFile | undefined => {
    try {
      const trace = simulate(scenarioOf(faults));
      return trace.summary.violations.some((v) => v.invariant === found.invariant) ? trace : undefined;
    } catch {
      return undefined;
    }
  };
  if (found.invariant === 'simulator-exception') return { unreplayable: 'the simulator threw: run the case with the placements listed above' };
  const records = caseRecords({ ...base, eventBudget }, found.first, limits);
  let original: FaultSpec[] | undefined;
  for (const candidate of product(found.first.map((p) => placementsOf(p, records)))) {
    if (breaks(candidate)) {
      original = candidate;
      break;
    }
  }
  if (!original) return { unreplayable: 'no `at:` or `when:` placement of these faults (at the instant, on the record it follows, or 1us later) breaks it in a run from time zero: the fault must land between two events of one instant' };
  const shrunk = shrinkSchedule(original, (faults) => breaks(faults) !== undefined, { triesMax: shrinkTriesMax });
  const scenario = scenarioOf(shrunk.faults);
  const trace = breaks(shrunk.faults) ?? simulate(scenario);
  const violation = trace.summary.violations.find((v) => v.invariant === found.invariant)!;
  return {
    finding: {
      failure: { kind: 'violation', invariant: found.invariant, violation },
      run: found.order[0]! + 1,
      simSeed: base.seed,
      path: null,
      original: [...base.faults, ...original],
      minimal: [...base.faults, ...shrunk.faults],
      shrinkTries: shrunk.tries,
      scenario,
      trace,
    },
  };
}
