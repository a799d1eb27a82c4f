import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../io/exit-codes.js';
import { ScenarioError } from '../format/errors.js';
import { describeIssue, offsetOf } from '../scenario/load.js';
import { MAX_TRACE_BYTES, readTextFile } from '../scenario/read-text.js';

/**
 * Reads a partial result given to `--merge` as any other input is read
 *: a regular file of bounded size (a FIFO or /dev/zero is refused,
 * not read forever), JSON, then the shared schema (sim/shards/schemas.ts).
 * Every problem is a ScenarioError naming the file, and for a field the
 * line, column and path in it: exit 2 with one line.
 */

/** Largest file located line by line on an error: above it, the message names the field without a line. */
const LOCATE_MAX_BYTES = 16 * 1024 * 1024;

/** The file's text, or a UsageError naming it (the file itself is the problem, not a place in it). */
export function readShardText(file: string, what: string): string {
  const read = readTextFile(file, MAX_TRACE_BYTES, what);
  if ('problem' in read) throw new UsageError(`${file}: ${read.problem}`);
  return read.text;
}

/** Parses and checks a partial result's text against `schema`; `hint` says which command writes such a file. */
export function parseShard<S extends z.ZodType>(text: string, file: string, schema: S, hint: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const deep = error instanceof RangeError;
    throw new ScenarioError(file, 0, 0, [], deep ? `nests too deeply to be a partial result; ${hint}` : `not JSON (${(error as Error).message}); ${hint}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ScenarioError(file, 0, 0, [], `not a partial result (a JSON object); ${hint}`);
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data as z.infer<S>;
  const { path, message, key } = describeIssue(parsed.error.issues[0]!, json);
  const field = key === undefined ? path : [...path, key];
  if (text.length > LOCATE_MAX_BYTES) throw new ScenarioError(file, 0, 0, [], `${field.join('.') || '(top level)'}: ${message}`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const { line, col } = lineCounter.linePos(offsetOf(doc, path, key));
  throw new ScenarioError(file, line, col, field, message);
}

/** Reads, parses and checks a partial result file. */
export function readShard<S extends z.ZodType>(file: string, schema: S, what: string, hint: string): z.infer<S> {
  return parseShard(readShardText(file, what), file, schema, hint);
}
