import { checkTrace } from '../../../sim/trace/validate-trace.js';
import type { TraceFile } from '../layout/trace-types.js';

/**
 * Checks that parsed JSON is a recsim trace the viewer can draw, and says
 * what is wrong otherwise, with the validator the CLI uses
 * (sim/trace/validate-trace.ts): the envelope and each record's t, seq,
 * type, component and cause.
 */
export function parseTrace(json: unknown, source: string): TraceFile {
  return checkTrace(json, (problem) => new Error(`${source}: ${problem}`)) as TraceFile;
}

/** Parses trace text (file contents, a response body, an inlined block). */
export function parseTraceText(text: string, source: string): TraceFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
  }
  return parseTrace(json, source);
}
