import type { TraceFile } from '../trace/trace-file.js';
import { serializeTrace } from '../trace/serialize.js';

/** Where two runs of the same input first differ. */
export interface Divergence {
  /** Index of the first differing record (-1: the header, i.e. scenario or summary, differs). */
  recordIndex: number;
  first: string;
  second: string;
}

/**
 * Compares two traces byte for byte (their serialized form) and, if they
 * differ, names the first record where they do; the header (scenario and
 * summary) is blamed only when every record agrees. Undefined when identical.
 */
export function firstDivergence(a: TraceFile, b: TraceFile): Divergence | undefined {
  if (serializeTrace(a) === serializeTrace(b)) return undefined;
  const n = Math.max(a.records.length, b.records.length);
  for (let i = 0; i < n; i++) {
    const left = a.records[i] === undefined ? '<end of trace>' : JSON.stringify(a.records[i]);
    const right = b.records[i] === undefined ? '<end of trace>' : JSON.stringify(b.records[i]);
    if (left !== right) return { recordIndex: i, first: left, second: right };
  }
  const header = (t: TraceFile): string => JSON.stringify({ seed: t.seed, scenario: t.scenario, summary: t.summary });
  return { recordIndex: -1, first: header(a), second: header(b) };
}
