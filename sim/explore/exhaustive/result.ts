import type { Micros } from '../../engine/time.js';
import { formatInstant } from '../../engine/time.js';
import type { ExploreFaultKind } from '../vocabulary.js';
import { parseShard } from '../../shards/read-shard.js';
import { exhaustivePartialSchema, RESULT_FORMAT, RESULT_VERSION } from '../../shards/schemas.js';
import { describeMenuFault } from './fault-menu.js';
import { mergeRows, type SingleFaultRow } from './single-fault-rows.js';
import type { PlacedFault } from './placed-fault.js';

/** A fault of a case, where it landed: the instant, and the record it sits just before or after. */
export type { PlacedFault };

/** The first case (in enumeration order) that broke an invariant, and how many cases did. */
export interface InvariantFinding {
  invariant: string;
  cases: number;
  first: PlacedFault[];
  /** Where the first case sits in the enumeration: [depth-1 index] or [depth-1 index, depth-2 index]; shards merge on it. */
  order: number[];
}

export { RESULT_FORMAT, RESULT_VERSION };

export interface ExhaustiveResult {
  format: typeof RESULT_FORMAT;
  version: typeof RESULT_VERSION;
  scenario: string;
  depth: 1 | 2;
  kinds: ExploreFaultKind[];
  /** Components of the system (the targets of depth 1). */
  components: number;
  targets: 'neighbourhood' | 'all';
  windowUs: Micros;
  livenessJudged: boolean;
  eventBudget: number;
  dedup: boolean;
  policy: boolean;
  /** The shards merged into this result, as `i/n` each. */
  shards: string[];
  /** Decision points of the reference run inside the fault window. */
  points: number;
  /** Second-fault points summed over the depth-1 cases (depth 2). */
  depth2Points: number;
  /** Every case enumerated, the depth-1 ones among them, those run, those skipped as duplicates. */
  cases: number;
  depth1Cases: number;
  runs: number;
  skipped: number;
  /** Runs only to find a duplicate's recovery window (no checking). */
  walks: number;
  /** Distinct states after injection over all cases (run or skipped). */
  distinctStates: number;
  /** The keys counted in distinctStates, for merging shards. */
  keys: string[];
  eventsSimulated: number;
  /** The events the same runs would handle re-run from time zero (the prefix each fork skipped, added): what forking saves. */
  eventsFromZero: number;
  /** What the fault-free reference run breaks by itself. */
  referenceViolated: string[];
  findings: InvariantFinding[];
  /** Policy invariants broken, not counted as findings (without `--policy`): cases per invariant. */
  policyViolations: Record<string, number>;
  /**
   * With `--report` only (absent otherwise): one row per distinct single fault (kind x target) at its
   * costliest decision point, worst first (single-fault-rows.ts). Shards merge it per fault.
   */
  singleFaults?: SingleFaultRow[];
}

export function emptyResult(o: {
  scenario: string; depth: 1 | 2; kinds: ExploreFaultKind[]; components: number; windowUs: Micros; livenessJudged: boolean; eventBudget: number;
  dedup: boolean; policy: boolean; shard: { index: number; count: number }; targets: 'neighbourhood' | 'all';
}): ExhaustiveResult {
  return {
    format: RESULT_FORMAT, version: RESULT_VERSION, scenario: o.scenario, depth: o.depth, kinds: o.kinds, components: o.components,
    targets: o.targets, windowUs: o.windowUs, livenessJudged: o.livenessJudged, eventBudget: o.eventBudget, dedup: o.dedup, policy: o.policy,
    shards: [`${o.shard.index + 1}/${o.shard.count}`],
    points: 0, depth2Points: 0, cases: 0, depth1Cases: 0, runs: 0, skipped: 0, walks: 0, distinctStates: 0, keys: [], eventsSimulated: 0, eventsFromZero: 0,
    referenceViolated: [], findings: [], policyViolations: {},
  };
}

function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}

/** Counts a case that broke `invariant`; keeps the first such case in enumeration order. */
export function noteFinding(result: ExhaustiveResult, invariant: string, faults: PlacedFault[], order: number[]): void {
  const found = result.findings.find((f) => f.invariant === invariant);
  if (!found) {
    result.findings.push({ invariant, cases: 1, first: faults, order });
    result.findings.sort((a, b) => a.invariant.localeCompare(b.invariant));
  } else {
    found.cases++;
    if (before(order, found.order)) Object.assign(found, { first: faults, order });
  }
}

/** Combines the results of the shards of one search (as `compare --merge` does): sums, the union of states, the first finding of each invariant. */
export function mergeResults(parts: readonly { file: string; result: ExhaustiveResult }[]): ExhaustiveResult {
  if (parts.length === 0) throw new Error('nothing to merge');
  const [head, ...rest] = parts;
  const merged: ExhaustiveResult = structuredClone(head!.result);
  const keys = new Set(merged.keys);
  const same = (r: ExhaustiveResult): boolean =>
    r.scenario === merged.scenario && r.components === merged.components && r.depth === merged.depth && r.kinds.join(',') === merged.kinds.join(',') && r.targets === merged.targets &&
    r.dedup === merged.dedup && r.policy === merged.policy && r.points === merged.points && r.eventBudget === merged.eventBudget &&
    (r.singleFaults === undefined) === (merged.singleFaults === undefined);
  for (const { file, result } of rest) {
    if (!same(result)) throw new Error(`${file}: a shard of another search (scenario, depth, kinds, targets, options or --report differ from ${head!.file})`);
    const slices = new Set([...merged.shards, ...result.shards].map((s) => s.split('/')[1]));
    if (slices.size > 1) throw new Error(`${file}: shards ${result.shards.join(', ')} cut the search in another number of slices than ${head!.file} (${merged.shards.join(', ')})`);
    const overlap = result.shards.filter((s) => merged.shards.includes(s));
    if (overlap.length > 0) throw new Error(`${file}: shard ${overlap.join(', ')} is already merged`);
    merged.shards.push(...result.shards);
    for (const k of ['depth2Points', 'cases', 'depth1Cases', 'runs', 'skipped', 'walks', 'eventsSimulated', 'eventsFromZero'] as const) merged[k] += result[k];
    for (const key of result.keys) keys.add(key);
    for (const f of result.findings) {
      const mine = merged.findings.find((m) => m.invariant === f.invariant);
      if (!mine) merged.findings.push(structuredClone(f));
      else {
        mine.cases += f.cases;
        if (before(f.order, mine.order)) Object.assign(mine, { first: f.first, order: f.order });
      }
    }
    for (const [id, n] of Object.entries(result.policyViolations)) merged.policyViolations[id] = (merged.policyViolations[id] ?? 0) + n;
  }
  merged.findings.sort((a, b) => a.invariant.localeCompare(b.invariant));
  if (merged.singleFaults !== undefined) merged.singleFaults = mergeRows(parts.map((p) => p.result.singleFaults ?? []));
  merged.shards.sort();
  merged.keys = [...keys].sort();
  merged.distinctStates = keys.size;
  return merged;
}

/** Whether the shards merged cover the whole search: every i of 1..n once, all of the same n. */
export function isComplete(result: ExhaustiveResult): boolean {
  const n = Number(result.shards[0]?.split('/')[1] ?? 1);
  const indices = new Set(result.shards.map((s) => s.split('/')).filter(([, of]) => Number(of) === n).map(([i]) => Number(i)).filter((i) => i >= 1 && i <= n));
  return indices.size === n && result.shards.length === n;
}

/**
 * Parses a shard's result file, checked against the shared schema of partial
 * results (sim/shards/schemas.ts) before a merge trusts it; throws a
 * ScenarioError naming the file (and line, column and field).
 */
export function parseResult(text: string, file: string): ExhaustiveResult {
  return parseShard(text, file, exhaustivePartialSchema, 'give a file written by `recsim explore --exhaustive --shard i/n`') as ExhaustiveResult;
}

const count = (n: number): string => n.toLocaleString('en');

/**
 * The one-line certificate when nothing breaks: what was tried, all of it.
 * Only counts that do not depend on how the search was sharded.
 */
export function certificate(r: ExhaustiveResult): string {
  const targets = r.components;
  return `no violation${r.livenessJudged ? '' : ' of safety (liveness not judged)'}: depth ${r.depth}, ${r.kinds.length} fault kinds, ${targets} targets, ${count(r.points)} points, ` +
    `${count(r.cases)} cases (${count(r.distinctStates)} distinct states)`;
}

/** `crash /core/netstack at 1.2s (after #17)`. */
export function describePlaced(f: PlacedFault): string {
  return `${describeMenuFault(f.fault)} at ${formatInstant(f.atUs)} (${f.side} record #${f.seq})`;
}

/** The counts, as the text output prints them. */
export function countsLines(r: ExhaustiveResult, wallMs: number): string[] {
  const rate = r.runs / Math.max(0.001, wallMs / 1000);
  const share = r.cases === 0 ? 0 : (100 * r.skipped) / r.cases;
  return [
    `Points: ${count(r.points)} decision points in [0, ${formatInstant(r.windowUs)}]` + (r.depth === 2 ? `; ${count(r.depth2Points)} second-fault points in recovery windows (${r.targets === 'all' ? 'every component' : "the first fault's neighbourhood"})` : ''),
    `Cases: ${count(r.cases)} (${count(r.depth1Cases)} at depth 1), ${count(r.runs)} run from forks, ${count(r.skipped)} skipped as duplicates (${share.toFixed(1)} %), ` +
      `${count(r.distinctStates)} distinct states` + (r.walks > 0 ? `, ${count(r.walks)} walks to find a duplicate's window` : ''),
    `       ${count(r.eventsSimulated)} events in ${(wallMs / 1000).toFixed(1)} s (${rate.toFixed(0)} runs/s); event budget ${count(r.eventBudget)} per run` +
      (r.livenessJudged ? '' : '; the heal phase is too short for the recovery bound: liveness not judged (raise `duration`)') +
      (r.shards.length > 1 || r.shards[0] !== '1/1' ? `; shards ${r.shards.join(', ')}` : ''),
    `       forking: the runs handled ${count(r.eventsSimulated)} events where runs from time zero would handle ${count(r.eventsFromZero)} (x${(r.eventsFromZero / Math.max(1, r.eventsSimulated)).toFixed(2)})`,
  ];
}
