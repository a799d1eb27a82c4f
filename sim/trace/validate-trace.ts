import { RECORD_TYPES } from './record-types.js';
import type { TraceFile } from './trace-file.js';

/**
 * The one trace validator, shared by the CLI (`export`, `view`) and the
 * viewer's `parseTrace`: checks the envelope and every record's `t`, `seq`,
 * `type`, `component` and `cause`, the fields every reader relies on, and
 * returns the first problem in words (or undefined for a sound trace). Free
 * of Node and of the file format's schema, so the viewer can bundle it.
 */
export function traceProblem(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'not a recsim trace (expected a JSON object)';
  const file = json as Record<string, unknown>;
  if (file.format !== 'recsim-trace') return `not a recsim trace (format is ${preview(file.format)}, expected "recsim-trace")`;
  if (file.version !== 1) return `unsupported trace version ${preview(file.version)} (this recsim reads version 1)`;
  if (!Array.isArray(file.records)) return '"records" is not an array';
  const known = new Set<string>(RECORD_TYPES);
  // A plain loop: this runs over every record of traces with millions.
  const records = file.records as unknown[];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return `records[${i}] is ${preview(rec)}, not a record (an object with t, seq and type)`;
    const { t, seq, type, component, cause } = rec as Record<string, unknown>;
    if (!Number.isSafeInteger(t) || (t as number) < 0) return `records[${i}].t is ${preview(t)}: expected a virtual time in whole microseconds (0 or more)`;
    if (!Number.isSafeInteger(seq) || (seq as number) < 0) return `records[${i}].seq is ${preview(seq)}: expected a whole number (0 or more)`;
    if (typeof type !== 'string' || !known.has(type)) return `records[${i}].type is ${preview(type)}: expected a record type such as "state" or "fault"`;
    if (component !== undefined && typeof component !== 'string') return `records[${i}].component is ${preview(component)}: expected a component name`;
    if (cause !== undefined && (!Number.isSafeInteger(cause) || (cause as number) < 0)) return `records[${i}].cause is ${preview(cause)}: expected the seq of another record`;
  }
  return undefined;
}

/** Checks a parsed trace, throwing `makeError(problem)` when it is not sound. */
export function checkTrace<E extends Error>(json: unknown, makeError: (problem: string) => E): TraceFile {
  const problem = traceProblem(json);
  if (problem !== undefined) throw makeError(problem);
  return json as TraceFile;
}

/** Bounds a value from the file so an error line stays short. */
function preview(value: unknown): string {
  const text = typeof value === 'string' || value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? String(value) : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
