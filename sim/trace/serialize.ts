import type { TraceFile } from './trace-file.js';

/**
 * Writes a trace as JSON with one record per line, so that two traces can be
 * compared with `diff` and the first divergence read off directly. The
 * output is a pure function of the trace: same run, same bytes.
 */
export function serializeTrace(trace: TraceFile): string {
  const head = {
    format: trace.format,
    version: trace.version,
    seed: trace.seed,
    scenario: trace.scenario,
    summary: trace.summary,
  };
  const headJson = JSON.stringify(head);
  const records = trace.records.map((r) => JSON.stringify(r)).join(',\n');
  return `${headJson.slice(0, -1)},"records":[\n${records}\n]}\n`;
}
