import { readFileSync } from 'node:fs';
import type { TraceFile } from '../trace/trace-file.js';
import { UsageError } from './exit-codes.js';

/**
 * Reads and checks a trace file named on the command line; any problem is a
 * UsageError with one line saying what is wrong with which file.
 */
export function readTraceArgument(path: string): TraceFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such trace file` : `${path}: cannot read (${code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const file = json as Partial<TraceFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== 'recsim-trace') {
    throw new UsageError(`${path}: not a recsim trace (write one with \`recsim run <scenario> --out ${path}\`)`);
  }
  if (file.version !== 1) throw new UsageError(`${path}: unsupported trace version ${String(file.version)} (this recsim reads version 1)`);
  if (!Array.isArray(file.records)) throw new UsageError(`${path}: "records" is not an array`);
  return file as TraceFile;
}
