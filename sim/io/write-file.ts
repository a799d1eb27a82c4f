import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './exit-codes.js';

/** Writes an output file, creating its folder first, so `--out out/x/trace.json` just works. */
export function writeFileCreatingDirs(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * Opens an output file for writing before a run starts, creating its folder,
 * so a bad path is one clear line (exit 2) instead of a failure after the run.
 */
export function openOutputFile(flag: string, path: string): number {
  try {
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'is a directory; name a file, e.g. out/trace.json'
      : code === 'EACCES' ? 'permission denied'
      : code === 'ENOTDIR' || code === 'EEXIST' ? 'a folder on its path is a file'
      : `cannot write (${code ?? (error as Error).message})`;
    throw new UsageError(`${flag} ${path}: ${why}`);
  }
}
