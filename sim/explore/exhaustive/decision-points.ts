import type { Micros } from '../../engine/time.js';
import type { RunLimits } from '../../engine/engine.js';
import type { Simulation } from '../../model/simulation.js';
import type { TraceRecord } from '../../trace/records.js';

/**
 * A place where a fault can land: after `stepsDone` events of a run (the run's
 * start counts as none), with the clock moved to `atUs`. Between two records
 * nothing the trace can tell changes, so a fault just before or just after
 * each record-writing event, at that event's instant, covers every
 * distinguishable placement.
 */
export interface DecisionPoint {
  stepsDone: number;
  atUs: Micros;
  /** The record the point sits next to, for reports: `after` its event's last record, or `before` its event's first. */
  side: 'before' | 'after';
  seq: number;
}

/** One event of a run that wrote records: its index (1-based: the events done once it is handled), instant and records. */
export interface WritingStep {
  step: number;
  atUs: Micros;
  firstSeq: number;
  lastSeq: number;
}

/**
 * Runs `sim` (already started) to its end, noting every event that wrote a
 * record: pass one of a walk over its decision points. `records` is the
 * run's record buffer (appended to as it runs). The start counts as step 0.
 */
export function scanWritingSteps(sim: Simulation, records: readonly TraceRecord[], limits: RunLimits, startSeq: number): WritingStep[] {
  const steps: WritingStep[] = [];
  if (sim.recorder.nextSeq > startSeq) steps.push({ step: 0, atUs: sim.nowUs, firstSeq: startSeq, lastSeq: sim.recorder.nextSeq - 1 });
  for (;;) {
    const before = sim.recorder.nextSeq;
    if (sim.step(limits) !== undefined) break;
    if (sim.recorder.nextSeq > before) steps.push({ step: sim.engine.eventsProcessed, atUs: sim.nowUs, firstSeq: before, lastSeq: sim.recorder.nextSeq - 1 });
  }
  void records;
  return steps;
}

/**
 * The decision points of a run from its writing steps, in run order, each
 * once, those at `fromUs` or later and before `untilUs`. Step 0 (the start)
 * offers only the point after it: nothing exists before the run starts.
 * `minSteps`: points before this many events are left out (a fork cannot go back).
 */
export function decisionPoints(steps: readonly WritingStep[], fromUs: Micros, untilUs: Micros, minSteps = 0): DecisionPoint[] {
  const out: DecisionPoint[] = [];
  const seen = new Set<string>();
  const add = (p: DecisionPoint): void => {
    if (p.atUs < fromUs || p.atUs >= untilUs || p.stepsDone < minSteps) return;
    const key = `${p.stepsDone}@${p.atUs}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const s of steps) {
    if (s.step > 0) add({ stepsDone: s.step - 1, atUs: s.atUs, side: 'before', seq: s.firstSeq });
    add({ stepsDone: s.step, atUs: s.atUs, side: 'after', seq: s.lastSeq });
  }
  return out;
}

/**
 * Pass two: steps `sim` on to each point in turn (points in run order) and
 * calls `visit` there, positioned so that a fork can inject at `point.atUs`.
 */
export function walkPoints(sim: Simulation, points: readonly DecisionPoint[], limits: RunLimits, visit: (point: DecisionPoint, index: number) => void): void {
  points.forEach((point, index) => {
    while (sim.engine.eventsProcessed < point.stepsDone) {
      if (sim.step(limits) !== undefined) throw new Error(`exhaustive: the run ended before step ${point.stepsDone} (not deterministic?)`);
    }
    visit(point, index);
  });
}
