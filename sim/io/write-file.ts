import { closeSync, existsSync, mkdirSync, openSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './exit-codes.js';

/**
 * Output files: every path is checked before the work starts (a folder, a
 * path under a file, a folder recsim cannot write to), and a write that fails
 * (a full device, a read-only file system) is one line naming the file and
 * exit 2, never an internal error after the work is done.
 */

/** Why an output cannot be written, in words, from its errno. */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EISDIR': return 'is a directory; name a file, e.g. out/trace.json';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': case 'EEXIST': return 'a folder on its path is a file';
    case 'EROFS': return 'on a read-only file system';
    case 'ENOSPC': return 'no space left on the device';
    case 'EDQUOT': return 'over the disk quota';
    case 'EFBIG': return 'too large for the file system';
    case 'ELOOP': return 'a symlink loop on its path';
    case 'ENAMETOOLONG': return 'the path is too long';
    case 'EIO': return 'an input/output error from the device';
    default: return `cannot write (${code ?? (error as Error).message})`;
  }
}

/** The outputs opened by this command, for naming the file when a later write fails (a write error carries no path). */
const opened: string[] = [];

/** Forgets the outputs of an earlier command (the CLI's main calls it first). */
export function resetOutputs(): void {
  opened.length = 0;
}

/** Writes an output file, creating its folder first, so `--out out/x/trace.json` just works; any failure names the file. */
export function writeFileCreatingDirs(path: string, text: string, flag = 'output'): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(`${flag} ${path}: ${writeProblem(error)}`);
  }
}

/**
 * Checks before the work starts that `path` can be written as a file: its
 * folder made (or there), the path not a folder, the file creatable. A file
 * that was not there is not left behind.
 */
export function checkOutputFile(flag: string, path: string): void {
  const existed = existsSync(path);
  closeSync(openOutputFile(flag, path, existed ? 'a' : 'w'));
  if (!existed) unlinkSync(path);
}

/** Checks before the work starts that `path` can be a folder of outputs (made if missing). */
export function checkOutputFolder(flag: string, path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag} ${path}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'is a file, or a folder on its path is; name a folder' : writeProblem(error)}`);
  }
}

/**
 * Checks, without making anything, that `path` can become a folder of
 * outputs: it is a folder or absent, and the nearest existing folder on its
 * path is a folder (not a file). For outputs written only if the work finds
 * something (explore's --out-dir).
 */
export function checkFolderPath(flag: string, path: string): void {
  let at = resolve(path);
  for (;;) {
    let stat;
    try {
      stat = statSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new UsageError(`${flag} ${path}: ${writeProblem(error)}`);
      const up = dirname(at);
      if (up === at) return;
      at = up;
      continue;
    }
    if (!stat.isDirectory()) throw new UsageError(`${flag} ${path}: ${at === resolve(path) ? 'is a file; name a folder' : 'a folder on its path is a file'}`);
    return;
  }
}

/**
 * Opens an output file for writing before a run starts, creating its folder,
 * so a bad path is one clear line (exit 2) instead of a failure after the run.
 */
export function openOutputFile(flag: string, path: string, mode: 'w' | 'a' = 'w'): number {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, mode);
    opened.push(`${flag} ${path}`);
    return fd;
  } catch (error) {
    throw new UsageError(`${flag} ${path}: ${writeProblem(error)}`);
  }
}

/**
 * A write that failed after its file was opened (ENOSPC on a full device,
 * EROFS, EDQUOT, EFBIG, EIO): the output it most likely was, named, as bad
 * input (exit 2). Undefined for any other error, which stays an internal one.
 */
export function failedWrite(error: unknown): UsageError | undefined {
  const e = error as NodeJS.ErrnoException;
  if (!['write', 'close', 'fsync'].includes(e?.syscall ?? '') || !['ENOSPC', 'EROFS', 'EDQUOT', 'EFBIG', 'EIO', 'EPIPE'].includes(e.code ?? '')) return undefined;
  const which = opened.length === 1 ? opened[0]! : opened.length > 1 ? `one of ${opened.join(', ')}` : 'an output';
  return new UsageError(`${which}: ${writeProblem(error)}`);
}
