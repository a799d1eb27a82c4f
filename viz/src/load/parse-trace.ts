import type { TraceFile } from '../layout/trace-types.js';

/** Bounds a user-supplied message so an error line stays one line. */
function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Checks that parsed JSON is a recsim trace the viewer can draw, and says
 * what is wrong otherwise. It checks the shape the viewer relies on (the
 * envelope and each record's t, seq, type), not every field.
 */
export function parseTrace(json: unknown, source: string): TraceFile {
  const fail = (what: string): never => {
    throw new Error(`${source}: ${what}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('not a recsim trace (expected a JSON object)');
  const file = json as Record<string, unknown>;
  if (file.format !== 'recsim-trace') fail(`not a recsim trace (format is ${preview(file.format)}, expected "recsim-trace")`);
  if (file.version !== 1) fail(`unsupported trace version ${preview(file.version)} (this viewer reads version 1)`);
  if (!Array.isArray(file.records)) fail('"records" is not an array');
  // A plain loop: this runs over every record of traces with hundreds of thousands.
  const records = file.records as Record<string, unknown>[];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    if (typeof rec !== 'object' || rec === null) fail(`records[${i}] is not an object`);
    const { t, seq, type, component } = rec!;
    if (typeof t !== 'number' || !Number.isFinite(t)) fail(`records[${i}].t is not a number`);
    if (!Number.isInteger(seq)) fail(`records[${i}].seq is not an integer`);
    if (typeof type !== 'string') fail(`records[${i}].type is not a string`);
    if (component !== undefined && typeof component !== 'string') fail(`records[${i}].component is not a string`);
  }
  return json as TraceFile;
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
