import type { TraceRecord } from './records.js';
import type { RunSummary, TraceFile } from './trace-file.js';

/**
 * The trace file layout, shared by the in-memory writer and the streaming
 * one so both produce the same bytes: a head (format, version, seed,
 * scenario), one record per line (so two traces can be compared with `diff`
 * and the first divergence read off directly), and the summary last, since
 * it is known only when the run has ended.
 */
export function traceHead(trace: Pick<TraceFile, 'format' | 'version' | 'seed' | 'scenario'>): string {
  const head = JSON.stringify({ format: trace.format, version: trace.version, seed: trace.seed, scenario: trace.scenario });
  return `${head.slice(0, -1)},"records":[\n`;
}

export function recordLine(record: TraceRecord, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify(record)}`;
}

export function traceTail(summary: RunSummary): string {
  return `\n],"summary":${JSON.stringify(summary)}}\n`;
}

/** A whole trace as text: a pure function of the trace, so the same run gives the same bytes. */
export function serializeTrace(trace: TraceFile): string {
  return traceHead(trace) + trace.records.map((r, i) => recordLine(r, i === 0)).join('') + traceTail(trace.summary);
}
