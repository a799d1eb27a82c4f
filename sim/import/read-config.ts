import { readdirSync, statSync, type Stats } from 'node:fs';
import { fileProblem, MAX_SCENARIO_BYTES, readTextFile } from '../scenario/read-text.js';
import { ImportError } from './types.js';

/**
 * The importers' one way to read their inputs: configuration files
 * through the scenario reader (regular files only, opened without blocking so
 * a FIFO is refused at once, /dev/zero refused by its kind, every read bounded
 * by the file's size and by MAX_CONFIG_BYTES, the text checked to be UTF-8),
 * folders listed with every errno turned into one line naming the path. Any
 * problem is an ImportError: exit 2, `file: what is wrong; what to give`.
 */

/** The largest configuration file an importer reads: as large as a scenario may be (a real init.rc is a few kB, a unit folder's largest file a few MB). */
export const MAX_CONFIG_BYTES = MAX_SCENARIO_BYTES;

/** The text of a configuration file, or an ImportError naming it; `hint` says what to give instead. */
export function readConfigFile(file: string, what: string, hint: string): string {
  const read = readTextFile(file, MAX_CONFIG_BYTES, what);
  if ('problem' in read) throw new ImportError(file, 0, 0, `${read.problem}; ${hint}`);
  return read.text;
}

/** The entries of a folder (unsorted), or an ImportError naming it. */
export function listFolder(dir: string, hint: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    throw new ImportError(dir, 0, 0, `${fileProblem(error, 'folder')}; ${hint}`);
  }
}

/** `stat` following links, or an ImportError naming the path (a dangling link, a loop, a folder it cannot enter). */
export function statFollowing(path: string, hint: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new ImportError(path, 0, 0, `${fileProblem(error, 'file')}; ${hint}`);
  }
}
