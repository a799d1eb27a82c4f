import { causalChain } from './causes.js';
import { describeRecord } from './describe.js';
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
