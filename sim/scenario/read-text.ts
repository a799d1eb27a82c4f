import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';

/**
 * The largest scenario file recsim reads: 64 MiB. A million-component system
 * (MAX_COMPONENTS) written one component a line is about 40 MB; anything
 * larger is refused by its size (`stat`) before a byte is read.
 */
export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

/**
 * The largest trace file recsim reads: 512 MiB, just under the longest string
 * Node can hold (about 536 million characters, past which reading fails with
 * ERR_STRING_TOO_LONG). Traces that recsim writes for long runs can be far
 * larger than any scenario, so their limit is the runtime's, not 64 MiB.
 */
export const MAX_TRACE_BYTES = 512 * 1024 * 1024;

/** The text of a file, or why it cannot be read as text: the caller adds the file name. */
export type TextOrProblem = { text: string } | { problem: string };

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}

/**
 * Why a file could not be opened or read, from its errno, in words: the
 * caller adds the file name. Every errno the reading layer meets ends here,
 * so none reaches the user as an internal error.
 */
export function fileProblem(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return `no such ${what}`;
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'a symlink loop (a link that leads back to itself)';
    case 'EISDIR': return `is a directory, not a ${what}`;
    case 'ENOTDIR': return 'a folder on its path is a file';
    case 'ENAMETOOLONG': return 'the path is too long';
    case 'EMFILE': case 'ENFILE': return 'too many open files; close some and try again';
    case 'EIO': return 'an input/output error from the device';
    default: return `cannot read (${code ?? (error as Error).message})`;
  }
}

/** A symlink whose target is missing is named as one, with its target: "no such file" would puzzle, the link being right there. */
function danglingLink(path: string, error: unknown): string | undefined {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  try {
    if (lstatSync(path).isSymbolicLink()) return `a dangling symlink (to ${readlinkSync(path)}); remove it or point it at a file`;
  } catch {
    // Not there at all: the plain message.
  }
  return undefined;
}

/** What a file that is not a regular one is, for the message that refuses it. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO), which may never end';
  if (stat.isCharacterDevice()) return 'a character device (such as /dev/zero), which may never end';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Opens a file for reading without ever blocking: O_NONBLOCK, so opening a
 * FIFO nobody writes to returns at once instead of waiting forever, then
 * refuses anything that is not a regular file (a FIFO, /dev/zero, a folder)
 * and anything over `maxBytes`, by `fstat` of the descriptor opened (no race
 * between checking and reading). Returns the descriptor and the size to read,
 * or the problem.
 */
export function openRegularFile(path: string, maxBytes: number, what: string): { fd: number; size: number } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: danglingLink(path, error) ?? fileProblem(error, what) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new Error(`is ${kindOf(stat)}, not a ${what}`);
    if (stat.size > maxBytes) throw new Error(`is ${mib(stat.size)}, over recsim's limit of ${mib(maxBytes)} for a ${what}`);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    return { problem: (error as NodeJS.ErrnoException).code ? fileProblem(error, what) : (error as Error).message };
  }
}

/**
 * Reads a UTF-8 text file with a size limit checked before reading, and says
 * what is wrong with files that are not UTF-8 text: UTF-16 (by its byte order
 * mark, or by the zero bytes of ASCII text in UTF-16), binary data (zero
 * bytes), other encodings (the first byte that is not UTF-8, with its line).
 * Only regular files are read, and never more than their size at opening
 * (a file that grows meanwhile is read up to that size): every read is bounded.
 */
export function readTextFile(path: string, maxBytes: number, what: string): TextOrProblem {
  const opened = openRegularFile(path, maxBytes, what);
  if ('problem' in opened) return opened;
  const { fd, size } = opened;
  try {
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeUtf8(bytes.subarray(0, read), what);
  } catch (error) {
    return { problem: fileProblem(error, what) };
  } finally {
    closeSync(fd);
  }
}

/** Decodes UTF-8 (dropping a byte order mark) or says which encoding problem the bytes have. */
export function decodeUtf8(bytes: Uint8Array, what: string): TextOrProblem {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { problem: `is UTF-16 (little-endian byte order mark FF FE); save the ${what} as UTF-8` };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { problem: `is UTF-16 (big-endian byte order mark FE FF); save the ${what} as UTF-8` };
  const zero = bytes.indexOf(0);
  if (zero >= 0) {
    // ASCII in UTF-16 without a byte order mark: every other byte is zero.
    const sample = bytes.subarray(0, Math.min(bytes.length, 512));
    let zerosAtOdd = 0;
    let zerosAtEven = 0;
    sample.forEach((b, i) => { if (b === 0) { if (i % 2) zerosAtOdd++; else zerosAtEven++; } });
    const half = sample.length / 2;
    if (zerosAtOdd > half * 0.8 || zerosAtEven > half * 0.8) return { problem: `looks like UTF-16 text without a byte order mark (every other byte is zero); save the ${what} as UTF-8` };
    return { problem: `is a binary file, not UTF-8 text (a zero byte at offset ${zero})` };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return { problem: `is not UTF-8 text: byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${col} (Latin-1 or another encoding?); save the ${what} as UTF-8` };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + size));
    } catch {
      return i;
    }
    i += size;
  }
  return 0;
}
