import { causalChain } from './causes.js';
import { describeIncident } from './describe-incident.js';
import { describeRecord } from './describe.js';
import { timeToRecoverUs, type Incident } from './incidents.js';
import type { IndexedTrace, RecordRef } from './model.js';
import { formatInstant } from './time-format.js';
import type { TraceRecord, Violation } from './trace-types.js';

export interface Story {
  ref: RecordRef;
  text: string;
  /** Listed from the summary: the trace has no record of it. */
  fromSummary?: boolean;
}

function tagOf(tags: readonly string[], traceIndex: number): string {
  return tags[traceIndex] ? `[${tags[traceIndex]}] ` : '';
}

/** The summary's kind of a violation record (safety, liveness, policy), matched by invariant and message. */
function kindOf(listed: readonly Violation[], r: Extract<TraceRecord, { type: 'violation' }>): string | undefined {
  const blamed = r.record ?? r.cause;
  const match = listed.find((v) => v.invariant === r.invariant && v.message === r.message && (v.record === undefined || v.record === blamed));
  return match?.kind;
}

/**
 * Every invariant violation, in time order: "12.5s no-data-loss (safety): …".
 * A trace without violation records (written before recsim recorded them)
 * lists its summary's violations instead, each at the record it blames (the
 * run's last record when it blames none).
 */
export function violationStories(traces: readonly IndexedTrace[], tags: readonly string[]): Story[] {
  const stories: (Story & { t: number })[] = [];
  traces.forEach((trace, traceIndex) => {
    const listed: readonly Violation[] = Array.isArray(trace.file.summary?.violations) ? trace.file.summary.violations : [];
    const records = trace.byType.get('violation') ?? [];
    for (const r of records) {
      if (r.type !== 'violation') continue;
      const kind = kindOf(listed, r);
      stories.push({ t: r.t, ref: { traceIndex, seq: r.seq }, text: `${tagOf(tags, traceIndex)}${formatInstant(r.t)} ${r.invariant}${kind ? ` (${kind})` : ''}: ${r.message}` });
    }
    if (records.length > 0) return;
    const last = trace.file.records[trace.file.records.length - 1];
    for (const v of listed) {
      const blamed = v.record === undefined ? undefined : trace.bySeq.get(v.record);
      const at = blamed ?? last;
      if (!at) continue;
      stories.push({
        t: at.t,
        ref: { traceIndex, seq: at.seq },
        text: `${tagOf(tags, traceIndex)}${formatInstant(at.t)} ${v.invariant} (${v.kind}, from the summary): ${v.message}`,
        fromSummary: true,
      });
    }
  });
  return stories.sort((a, b) => a.t - b.t || a.ref.traceIndex - b.ref.traceIndex);
}

/**
 * Every reboot request and panic with its root cause: the answer to "why did
 * the system reboot?" in one line each.
 */
export function rebootStories(traces: readonly IndexedTrace[], tags: readonly string[]): Story[] {
  const stories: (Story & { t: number })[] = [];
  traces.forEach((trace, traceIndex) => {
    for (const r of [...(trace.byType.get('reboot-requested') ?? []), ...(trace.byType.get('panic') ?? [])]) {
      const chain = causalChain(trace, r.seq);
      const root = chain[chain.length - 1]!;
      const why = root === r ? '' : ` ⟵ root cause at ${formatInstant(root.t)}: ${describeRecord(root)}`;
      stories.push({ t: r.t, ref: { traceIndex, seq: r.seq }, text: `${tagOf(tags, traceIndex)}${formatInstant(r.t)} ${describeRecord(r)}${why}` });
    }
  });
  return stories.sort((a, b) => a.t - b.t || a.ref.traceIndex - b.ref.traceIndex);
}

/** Records directly caused by `seq` (a linear scan: done once per click). */
export function directEffects(trace: Pick<IndexedTrace, 'file'>, seq: number): TraceRecord[] {
  return trace.file.records.filter((r) => r.cause === seq);
}

/** An incident in the panel; its line of text is written only when it is shown (a day has thousands). */
export interface IncidentStory {
  ref: RecordRef;
  /** "[A] " in compare mode, else "". */
  tag: string;
  incident: Incident;
  /** Time to recover, or how long it was down until the end; 0 for a fault without an outage. */
  lastedUs: number;
}

/** Every incident of every trace, in time order, with how long it lasted. */
export function incidentStories(traces: readonly IndexedTrace[], tags: readonly string[]): IncidentStory[] {
  const stories: IncidentStory[] = [];
  traces.forEach((trace, traceIndex) => {
    const tag = tagOf(tags, traceIndex);
    for (const incident of trace.incidents) {
      const lastedUs = timeToRecoverUs(incident) ?? (incident.downUs !== undefined ? incident.endUs - incident.startUs : 0);
      stories.push({ ref: { traceIndex, seq: incident.faultSeq }, tag, incident, lastedUs });
    }
  });
  return traces.length > 1 ? stories.sort((a, b) => a.incident.startUs - b.incident.startUs || a.ref.traceIndex - b.ref.traceIndex) : stories;
}

/** The panel's line for an incident. */
export function incidentStoryText(story: IncidentStory): string {
  return `${story.tag}${describeIncident(story.incident)}`;
}
