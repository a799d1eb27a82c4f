import { isMap, isSeq, parseDocument } from 'yaml';
import { parseScenario } from '../../scenario/load.js';
import type { FaultSpec, Scenario } from '../../scenario/types.js';
import { simulate } from '../../simulate.js';
import type { TraceFile } from '../../trace/trace-file.js';
import { faultToFile } from '../fault-file.js';
import { faultCostObserver, type FaultCost } from './fault-cost.js';
import { describeMenuFault } from './fault-menu.js';
import type { SingleFaultRow } from './single-fault-rows.js';
import { caseRecords, placementsOf } from './write-finding.js';

/** A row written as a scenario file: its fault as the file spells it, and the run from time zero that shows it. */
export interface RowScenario {
  fault: FaultSpec;
  trace: TraceFile;
  /** What the run from time zero costs: its `expect:` block is written from it. */
  cost: FaultCost;
  /** Whether the run from time zero has the outcome the search measured (sameOutcome). */
  replays: boolean;
}

/** What a run of `scenario` (faults included) costs, measured as the search measured it. */
export function costOfRun(scenario: Scenario, kind: string): { cost: FaultCost; trace: TraceFile } {
  const trace = simulate(scenario);
  const observer = faultCostObserver(scenario, 0, kind);
  for (const r of trace.records) observer.sink(r);
  return { cost: observer.cost([...new Set(trace.summary.violations.map((v) => v.invariant))]), trace };
}

/**
 * The parts of a cost a replay must reproduce: the outcome, what is left
 * down, whether it is a single point of failure, the reboots and the
 * invariants broken. Times and counts may differ by the events of the
 * instant the file cannot place the fault between (see `rowScenario`).
 */
export function sameOutcome(a: FaultCost, b: FaultCost): boolean {
  const key = (c: FaultCost): string => JSON.stringify([c.outcome, c.down, c.spof, c.recoveryUs === null, c.reboots, c.violated]);
  return key(a) === key(b);
}

/**
 * The row's fault as a scenario's fault: the file-expressible placements of
 * its costliest case (at its instant, or on the record it followed, as
 * write-finding.ts tries them; then one microsecond later, which lands after
 * every event of that instant: a scripted fault at an instant runs before the
 * events scheduled later for the same instant, so a point after a record of a
 * busy instant has no other spelling), the first whose run from time zero
 * has the outcome the search measured; the first placement when none does
 * (then `replays` is false, and the report says so).
 */
export function rowScenario(base: Scenario, row: SingleFaultRow): RowScenario {
  const limits = { untilUs: base.durationUs, eventBudget: base.eventBudget };
  const records = caseRecords(base, [row.worst], limits);
  const literal = placementsOf(row.worst, records);
  const later = literal[0]!.trigger.kind === 'at' ? [{ ...literal[0]!, trigger: { kind: 'at', atUs: row.worst.atUs + 1 } } as FaultSpec] : [];
  let first: RowScenario | undefined;
  for (const fault of [...literal, ...later]) {
    const { cost, trace } = costOfRun({ ...base, faults: [...base.faults, fault] }, row.worst.fault.kind);
    const replays = sameOutcome(cost, row.cost);
    if (replays) return { fault, trace, cost, replays };
    first ??= { fault, trace, cost, replays };
  }
  return first!;
}

/**
 * The scenario file of a row: the explored file with its faults replaced by
 * the row's fault, and an `expect:` block that holds exactly when the run
 * reproduces the row (its violations, reboots, restarts and losses), so that
 * `recsim run` on it passes then (the counts are the replay's own, which
 * may differ from the search's by the events of the fault's instant).
 */
export function rowScenarioYaml(sourceText: string, base: Scenario, row: SingleFaultRow, written: RowScenario, ctx: { sourceFile: string; command: string }): string {
  const doc = parseDocument(sourceText);
  const what = describeMenuFault(row.worst.fault);
  doc.set('name', `${base.name} [single fault: ${what}]`);
  doc.set('description', `One fault found by recsim explore --exhaustive --report in ${ctx.sourceFile}: ${what}, at its costliest decision point.`);
  for (const key of ['seed', 'event_budget', 'faults', 'expect']) doc.delete(key);
  doc.set('seed', base.seed);
  doc.set('event_budget', base.eventBudget);
  const faults = doc.createNode([...base.faults, written.fault].map(faultToFile));
  if (isSeq(faults)) for (const item of faults.items) if (isMap(item)) item.flow = true;
  doc.set('faults', faults);
  const c = written.cost;
  const expect = doc.createNode({
    reboots: { graceful: c.reboots.graceful, ungraceful: c.reboots.ungraceful },
    restarts: c.restarts,
    lost_requests: c.requestsLost,
    lost_data_bytes: c.dataLostBytes,
    violations: c.violated.length === 0 ? 'none' : c.violated,
  });
  if (isMap(expectNodeFlow(expect))) doc.set('expect', expect);
  doc.commentBefore = [
    ` Written by recsim explore --exhaustive --report: the single fault ${what} at its costliest point.`,
    ` Replay it:          recsim run <this file>   (passes when the outcome reproduces)`,
    ` Replay the search:  ${ctx.command}`,
    ...(doc.commentBefore ? ['', doc.commentBefore] : []),
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** Flow style for short lists and maps inside `expect:`, as the explore writer prints them. */
function expectNodeFlow<T>(node: T): T {
  if (isMap(node)) for (const pair of node.items) if (isSeq(pair.value) || isMap(pair.value)) pair.value.flow = true;
  return node;
}

/** Whether a written row scenario, loaded back and run, costs what the row says and passes its own `expect:`. */
export function replaysRow(text: string, file: string, row: SingleFaultRow): { ok: boolean; why?: string } {
  const scenario = parseScenario(text, file);
  const { cost, trace } = costOfRun(scenario, row.worst.fault.kind);
  if (!sameOutcome(cost, row.cost)) return { ok: false, why: `the run costs ${JSON.stringify(cost)}, the search measured ${JSON.stringify(row.cost)}` };
  const failed = trace.summary.expectations.filter((e) => !e.ok);
  if (failed.length > 0) return { ok: false, why: `expectation failed: ${failed.map((e) => `${e.what} (got ${e.actual})`).join('; ')}` };
  return { ok: true };
}
