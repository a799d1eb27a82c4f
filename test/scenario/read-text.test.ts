import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeUtf8, MAX_SCENARIO_BYTES, readTextFile } from '../../sim/scenario/read-text.js';

const dir = mkdtempSync(join(tmpdir(), 'recsim-read-'));
const problemOf = (bytes: Uint8Array): string => {
  const r = decodeUtf8(bytes, 'scenario file');
  return 'problem' in r ? r.problem : `text: ${r.text}`;
};

describe('reading a file as UTF-8 text', () => {
  test('a file over the limit is refused by its size, before a byte is read', () => {
    const path = join(dir, 'big.yaml');
    closeSync(openSync(path, 'w'));
    truncateSync(path, 1_000_000_000); // sparse: reading it would take seconds and a gigabyte
    const started = performance.now();
    expect(readTextFile(path, MAX_SCENARIO_BYTES, 'scenario file')).toEqual({ problem: "is 954 MiB, over recsim's limit of 64 MiB for a scenario file" });
    expect(performance.now() - started).toBeLessThan(500);
  });

  test('UTF-16 is named by its byte order mark, or by its zero bytes without one', () => {
    expect(problemOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x', 'utf16le')]))).toMatch(/^is UTF-16 \(little-endian/);
    expect(problemOf(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('name: x', 'utf16le').swap16()]))).toMatch(/^is UTF-16 \(big-endian/);
    expect(problemOf(Buffer.from('name: x\nduration: 1min\n', 'utf16le'))).toMatch(/^looks like UTF-16 text without a byte order mark/);
  });

  test('binary data and Latin-1 are named, with where the first bad byte is', () => {
    expect(problemOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]))).toBe('is a binary file, not UTF-8 text (a zero byte at offset 7)');
    expect(problemOf(Buffer.from('name: x\nduration: caf\xe9\n', 'latin1'))).toBe(
      'is not UTF-8 text: byte 0xE9 at line 2, column 14 (Latin-1 or another encoding?); save the scenario file as UTF-8');
  });

  test('UTF-8, with or without a byte order mark, is read as it is', () => {
    expect(problemOf(Buffer.from('name: café ✓'))).toBe('text: name: café ✓');
    expect(problemOf(Buffer.from('\ufeffname: x'))).toBe('text: name: x');
  });

  test('a missing file and a directory are named as such', () => {
    expect(readTextFile(join(dir, 'nope.yaml'), 100, 'scenario file')).toEqual({ problem: 'no such scenario file' });
    expect(readTextFile(dir, 100, 'trace file')).toEqual({ problem: 'is a directory, not a trace file' });
    writeFileSync(join(dir, 'ok.yaml'), 'a: 1\n');
    expect(readTextFile(join(dir, 'ok.yaml'), 100, 'scenario file')).toEqual({ text: 'a: 1\n' });
  });
});
