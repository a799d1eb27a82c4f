import { MAX_TRACE_BYTES, readTextFile } from '../scenario/read-text.js';
import type { TraceFile } from '../trace/trace-file.js';
import { checkTrace } from '../trace/validate-trace.js';
import { UsageError } from '../io/exit-codes.js';

/**
 * Reads and checks a trace file named on the command line, with the validator
 * the viewer uses; any problem is a UsageError with one line saying what is
 * wrong with which file.
 */
export function readTraceArgument(path: string): TraceFile {
  const read = readTextFile(path, MAX_TRACE_BYTES, 'trace file');
  if ('problem' in read) throw new UsageError(`${path}: ${read.problem}`);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return checkTrace(json, (problem) => new UsageError(`${path}: ${problem}`));
}
