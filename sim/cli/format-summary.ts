import { formatDuration, formatInstant } from '../engine/time.js';
import { describeTermination } from '../policy/termination.js';
import type { TraceRecord } from '../trace/records.js';
import type { TraceFile } from '../trace/trace-file.js';
import { formatBytes } from '../format/format-bytes.js';
import type { Scenario } from '../scenario/types.js';
import { INSTANT_BUDGET, instantBudgetOf } from '../simulate.js';
import { componentsNotRunning } from '../checks/summary.js';

const STORY_LINES_MAX = 40;

/** A share of 1 as a percentage with two decimals. */
const percent = (share: number): string => `${(share * 100).toFixed(2)} %`;

/** The record types the story tells (storyLine gives each a line, and no other type one). */
export const STORY_TYPES: ReadonlySet<TraceRecord['type']> = new Set([
  'fault', 'operator', 'terminated', 'decision', 'restart', 'start-refused', 'start-failed', 'reboot-requested', 'shutdown-started',
  'shutdown-completed', 'panic', 'boot-completed', 'requests-lost', 'requests-refused', 'requests-delayed', 'data-lost', 'event-dropped',
  'killed', 'probe',
]);

/** One line of the story of a run for the records a reader cares about; undefined for the rest. */
export function storyLine(r: TraceRecord): string | undefined {
  const who = r.component ?? '';
  switch (r.type) {
    case 'fault':
      return `fault ${r.fault}${who ? ` ${who}` : ''}${r.exitCode !== undefined ? ` (exit code ${r.exitCode})` : ''} [${r.source}]`;
    case 'operator':
      return `operator: systemctl ${r.action} ${who} [${r.source}]`;
    case 'terminated':
      return `${who} terminated: ${describeTermination(r.termination)}${r.graceful ? ' (graceful)' : ''}`;
    case 'decision':
      return `${r.by} decides ${r.action} for ${who}${r.delayUs ? ` after ${formatDuration(r.delayUs)}` : ''}: ${r.reason}`;
    case 'restart':
      return `${who} restarted (attempt ${r.attempt})`;
    case 'start-refused':
      return `${who} start refused: dependencies not running: ${r.missing.join(', ')}${r.dropped ? ' (its start job is dropped: nothing starts it again on its own)' : ''}`;
    case 'start-failed':
      return `${who} failed to start: ${r.reason}`;
    case 'reboot-requested':
      return `reboot requested by ${r.by}${who ? ` (culprit ${who})` : ''}: ${r.reason}`;
    case 'shutdown-started':
      return `graceful shutdown started: ${r.reason}${r.culprit ? ` (culprit ${r.culprit})` : ''}`;
    case 'shutdown-completed':
      return 'shutdown completed';
    case 'panic':
      return r.target !== undefined
        ? `PANIC (ungraceful reboot into ${r.target}, where the device stays): ${r.reason}${r.culprit ? ` (culprit ${r.culprit})` : ''}`
        : `PANIC (ungraceful reboot): ${r.reason}${r.culprit ? ` (culprit ${r.culprit})` : ''}`;
    case 'boot-completed':
      return `boot ${r.boot} completed`;
    case 'requests-lost':
      return `${who} lost ${r.count} in-flight requests`;
    case 'requests-refused':
      return `${who}: ${r.count} requests refused while it was down`;
    case 'requests-delayed':
      return `${who}: ${r.count} requests re-issued after waiting ${formatDuration(Math.round(r.delayUs / r.count))} on average`;
    case 'data-lost':
      return `${who} lost ${r.bytes} unflushed bytes`;
    case 'event-dropped':
      return `event ${r.event} for ${who} dropped: ${r.reason}`;
    case 'killed':
      return `${who} killed: ${r.reason}`;
    case 'probe':
      return `${r.probe} probe of ${who}: ${r.result} ${r.count}/${r.threshold}`;
    default:
      return undefined;
  }
}

/**
 * The first story lines of a run, gathered as its records are written, and
 * how many more there were: what the summary prints, without keeping the run.
 */
export class StoryCollector {
  readonly lines: string[] = [];
  more = 0;

  readonly sink = (r: TraceRecord): void => {
    if (!STORY_TYPES.has(r.type)) return;
    // Past the lines printed, a story record is only counted: no line is built for it.
    if (this.lines.length >= STORY_LINES_MAX) {
      this.more++;
      return;
    }
    this.lines.push(`  ${formatInstant(r.t).padStart(11)}  ${storyLine(r)!}`);
  };

  static of(records: readonly TraceRecord[]): StoryCollector {
    const story = new StoryCollector();
    for (const r of records) story.sink(r);
    return story;
  }
}

/**
 * The result line. A boot that never completed is never a PASS
 * (sim/checks/boot-outcome.ts): without expectations it fails the run; with
 * expectations that pin it (a scenario about a blocked boot), the line says
 * the boot was incomplete as expected.
 */
export function resultWord(passed: boolean, incompleteBoot: string | undefined, hasExpectations: boolean): string {
  if (!passed) return 'FAIL';
  if (incompleteBoot === undefined) return 'PASS';
  return hasExpectations ? 'EXPECTATIONS MET, BOOT INCOMPLETE' : 'FAIL';
}

/** The human summary `recsim run` prints; `brief` lists only the expectations that failed. */
export function formatSummary(trace: TraceFile, passed: boolean, brief = false, story = StoryCollector.of(trace.records), incompleteBoot?: string): string {
  const s = trace.summary;
  const lines: string[] = [];
  lines.push(`${s.scenario}  (seed ${s.seed}, ${formatDuration(s.endUs)} virtual, ${s.events} events, ${s.records} records)`);
  lines.push(...story.lines);
  if (story.more > 0) lines.push(`  ... ${story.more} more events (see the trace: --out trace.json)`);
  // The trace of a run just simulated: its head holds the resolved scenario.
  const scenario = trace.scenario as Scenario;
  if (s.outcome === 'event-budget-exhausted' && s.events < scenario.eventBudget) {
    // Stopped before its budget: by the instant budget (sim/simulate.ts instantBudgetOf), which only a standstill reaches.
    lines.push(`EVENT BUDGET EXHAUSTED after ${s.events} events: virtual time stood still at ${formatInstant(s.endUs)} for ${instantBudgetOf(scenario)} of them ` +
      `(the most one instant may hold: ${INSTANT_BUDGET.base.toLocaleString('en')} and ${INSTANT_BUDGET.perComponent.toLocaleString('en')} per component), so the run could never reach its end: see no-restart-livelock`);
  } else if (s.outcome === 'event-budget-exhausted') {
    lines.push(`EVENT BUDGET EXHAUSTED after ${s.events} events at ${formatInstant(s.endUs)}: the run was cut short (no-restart-livelock says whether time still advanced; raise event_budget if the run is just long)`);
  }
  lines.push(`Reboots: ${s.reboots.graceful} graceful, ${s.reboots.ungraceful} ungraceful`);
  const byComponent = Object.entries(s.restarts.byComponent).map(([n, k]) => `${n} ${k}`).join(', ');
  lines.push(`Restarts: ${s.restarts.total}${byComponent ? ` (${byComponent})` : ''}`);
  lines.push(`Lost: ${s.lostRequests} requests in flight, ${formatBytes(s.lostDataBytes)} unflushed data`);
  // What arrived while a driver was down is not nothing.
  if ((s.refusedRequests ?? 0) > 0 || (s.delayedRequests ?? 0) > 0) {
    const delayed = s.delayedRequests ?? 0;
    const mean = delayed > 0 ? ` (waited ${formatDuration(Math.round((s.requestDelayUs ?? 0) / delayed))} on average)` : '';
    lines.push(`Requests while down: ${s.refusedRequests ?? 0} refused, ${delayed} delayed${mean}`);
  }
  lines.push(`Available: ${percent(s.availability)} serving, ${percent(s.up)} up (averaged over components)`);
  // The few that are down, without building (or walking) an object of a million final states (sim/checks/summary.ts).
  const notRunning = componentsNotRunning(s);
  lines.push(`Final states: ${notRunning.length === 0 ? 'all running' : notRunning.map(([n, st]) => `${n} ${st}`).join(', ')}`);
  if (s.violations.length === 0) lines.push('Invariants: no violations');
  else {
    lines.push(`Invariants: ${s.violations.length} violation(s)`);
    for (const v of s.violations.slice(0, 10)) lines.push(`  ✗ ${v.invariant} [${v.kind}]: ${v.message}${v.record !== undefined ? ` (seq ${v.record})` : ''}`);
  }
  if (s.expectations.length > 0) {
    const ok = s.expectations.filter((e) => e.ok).length;
    lines.push(`Expectations: ${ok}/${s.expectations.length} passed`);
    for (const e of s.expectations) {
      if (!brief || !e.ok) lines.push(`  ${e.ok ? '✓' : '✗'} ${e.what}${e.ok ? '' : `: got ${e.actual}`}`);
    }
  }
  if (incompleteBoot !== undefined) lines.push(`Boot: ${incompleteBoot}`);
  lines.push(`Result: ${resultWord(passed, incompleteBoot, s.expectations.length > 0)}   (replay: --seed ${s.seed})`);
  return lines.join('\n');
}
