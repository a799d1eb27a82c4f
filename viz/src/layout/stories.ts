import { causalChain } from './causes.js';
import { describeIncident } from './describe-incident.js';
import { describeRecord } from './describe.js';
import { timeToRecoverUs, type Incident } from './incidents.js';
import type { IndexedTrace, RecordRef } from './model.js';
import { formatInstant } from './time-format.js';
import type { TraceRecord } from './trace-types.js';

export interface Story {
  ref: RecordRef;
  text: string;
}

function tagOf(tags: readonly string[], traceIndex: number): string {
  return tags[traceIndex] ? `[${tags[traceIndex]}] ` : '';
}

/** Every invariant violation, in time order: "12.5s no-data-loss: …". */
export function violationStories(traces: readonly IndexedTrace[], tags: readonly string[]): Story[] {
  const stories: (Story & { t: number })[] = [];
  traces.forEach((trace, traceIndex) => {
    for (const r of trace.byType.get('violation') ?? []) {
      if (r.type === 'violation') {
        stories.push({ t: r.t, ref: { traceIndex, seq: r.seq }, text: `${tagOf(tags, traceIndex)}${formatInstant(r.t)} ${r.invariant}: ${r.message}` });
      }
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

export interface IncidentStory extends Story {
  incident: Incident;
  /** Time to recover, or how long it was down until the end; 0 for a fault without an outage. */
  lastedUs: number;
}

/** Every incident of every trace, in time order, with how long it lasted. */
export function incidentStories(traces: readonly IndexedTrace[], tags: readonly string[]): IncidentStory[] {
  const stories: IncidentStory[] = [];
  traces.forEach((trace, traceIndex) => {
    for (const incident of trace.incidents) {
      const lastedUs = timeToRecoverUs(incident) ?? (incident.downUs !== undefined ? incident.endUs - incident.startUs : 0);
      stories.push({ ref: { traceIndex, seq: incident.faultSeq }, text: `${tagOf(tags, traceIndex)}${describeIncident(incident)}`, incident, lastedUs });
    }
  });
  return stories.sort((a, b) => a.incident.startUs - b.incident.startUs || a.ref.traceIndex - b.ref.traceIndex);
}
