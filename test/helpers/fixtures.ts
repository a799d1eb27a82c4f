import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TraceFile } from '../../sim/trace/trace-file.js';

/** Absolute path of a fixture trace in test/fixtures/traces. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/traces/${name}`, import.meta.url));
}

/** A fixture trace, parsed. */
export function loadFixture(name: string): TraceFile {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as TraceFile;
}

/** The seq of the first record matching a predicate (throws when none: a fixture changed). */
export function seqOf(trace: TraceFile, match: (r: TraceFile['records'][number]) => boolean): number {
  const record = trace.records.find(match);
  if (!record) throw new Error('no such record in fixture');
  return record.seq;
}
