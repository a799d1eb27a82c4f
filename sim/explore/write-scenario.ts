import { isMap, isSeq, parseDocument } from 'yaml';
import { parseScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import type { TraceRecord } from '../trace/records.js';
import type { ExploreFinding } from './explore.js';
import { faultToFile } from './fault-file.js';

export interface MinimalScenarioContext {
  /** The text of the scenario file explored: its system and components are kept as written, comments included. */
  sourceText: string;
  sourceFile: string;
  /** The command that replays the search, for the header comment. */
  searchCommand: string;
}

/** The record pattern that pins the offending record: its type, component and the field that matters. */
function patternOf(r: TraceRecord | undefined): Record<string, string | number> | undefined {
  if (!r) return undefined;
  const p: Record<string, string | number> = { type: r.type };
  if (r.component !== undefined) p.component = r.component;
  if (r.type === 'state') p.to = r.to;
  if (r.type === 'stop-requested') p.reason = r.reason;
  if (r.type === 'decision') p.action = r.action;
  return p;
}

/** The invariants a finding's minimal run breaks, sorted, for `expect: violations`. */
export function violatedInvariants(finding: ExploreFinding): string[] {
  return [...new Set(finding.trace.summary.violations.map((v) => v.invariant))].sort();
}

/**
 * Writes the minimal failing scenario: the explored file with its faults
 * replaced by the minimal schedule, its seed and event budget set to the
 * failing case's, and an `expect:` block asserting the violations, so that
 * `recsim run` on it passes exactly when the failure reproduces.
 */
export function minimalScenarioYaml(finding: ExploreFinding, base: Scenario, ctx: MinimalScenarioContext): string {
  const doc = parseDocument(ctx.sourceText);
  const failure = finding.failure;
  const what = failure.kind === 'violation' ? failure.invariant : failure.kind;
  const message = failure.kind === 'violation' ? failure.violation.message : failure.kind === 'exception' ? failure.message : `traces diverge at record ${failure.divergence.recordIndex}`;
  doc.set('name', `${base.name} [explore: ${what}]`);
  doc.set(
    'description',
    `Minimal fault schedule found by recsim explore from ${ctx.sourceFile} (search run ${finding.run}, ` +
      `shrunk from ${finding.original.length} to ${finding.minimal.length} faults): ${message}`,
  );
  // Replaced keys go last, in reading order: seed, budget, faults, expect.
  for (const key of ['seed', 'event_budget', 'faults', 'expect']) doc.delete(key);
  doc.set('seed', finding.simSeed);
  if (finding.scenario.eventBudget !== base.eventBudget) doc.set('event_budget', finding.scenario.eventBudget);

  const faults = doc.createNode(finding.minimal.map(faultToFile));
  if (isSeq(faults)) for (const item of faults.items) if (isMap(item)) item.flow = true;
  doc.set('faults', faults);

  const expect: Record<string, unknown> = {};
  if (failure.kind === 'violation') {
    expect.violations = violatedInvariants(finding);
    if (finding.trace.summary.outcome === 'event-budget-exhausted') expect.outcome = 'event-budget-exhausted';
    const offending = failure.violation.record === undefined ? undefined : finding.trace.records[failure.violation.record];
    const pattern = patternOf(offending?.seq === failure.violation.record ? offending : undefined);
    if (pattern) expect.records = [pattern];
  }
  const expectNode = doc.createNode(expect);
  if (isMap(expectNode)) {
    for (const pair of expectNode.items) {
      if (isSeq(pair.value)) {
        if ((pair.key as { value?: unknown }).value === 'violations') pair.value.flow = true;
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      }
    }
  }
  doc.set('expect', expectNode);

  const header = [
    ` Written by recsim explore: a minimal fault schedule that breaks ${what}.`,
    ` Replay the failure:  recsim run <this file>   (passes when the failure reproduces)`,
    ` Replay the search:   ${ctx.searchCommand}`,
  ].join('\n');
  doc.commentBefore = doc.commentBefore ? `${header}\n\n${doc.commentBefore}` : header;
  return doc.toString({ lineWidth: 0 });
}

/** Whether a written scenario, loaded back and run, breaks the same invariant and passes its own `expect:`. */
export function replaysFinding(text: string, file: string, finding: ExploreFinding): { ok: boolean; why?: string } {
  const scenario = parseScenario(text, file);
  const trace = simulate(scenario);
  const failure = finding.failure;
  if (failure.kind === 'violation' && !trace.summary.violations.some((v) => v.invariant === failure.invariant)) {
    return { ok: false, why: `the written scenario does not break ${failure.invariant}` };
  }
  const failed = trace.summary.expectations.filter((e) => !e.ok);
  if (failed.length > 0) return { ok: false, why: `expectation failed: ${failed.map((e) => `${e.what} (got ${e.actual})`).join('; ')}` };
  return { ok: true };
}
