import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { parseFastYaml } from '../../sim/scenario/fast-yaml.js';
import { MAX_ALIAS_EXPANSIONS } from '../../sim/scenario/load.js';
import { buildCorpus } from '../cli/bad-input-corpus.js';

/** What the YAML library makes of `text`: its data, or that it refuses it (an error or a warning). */
function library(text: string): { data: unknown } | 'refused' {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return 'refused';
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS }) };
  } catch {
    return 'refused';
  }
}

/** The fast reader either gives up or agrees with the library; it never accepts what the library refuses. */
function agrees(text: string): 'fast' | 'gave up' {
  const fast = parseFastYaml(text);
  if (fast === undefined) return 'gave up';
  const full = library(text);
  expect(full).not.toBe('refused');
  expect(fast).toStrictEqual((full as { data: unknown }).data);
  return 'fast';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry.startsWith('.') || entry === 'dist') return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return entry.endsWith('.yaml') || entry.endsWith('.yml') ? [path] : [];
  });
}

describe('fast YAML reader (fast-yaml.ts) against the YAML library', () => {
  test('every YAML file of the repository: same data, and the bundled scenarios are all read fast', () => {
    const files = yamlFiles('.');
    const outcomes = files.map((file) => [file, agrees(readFileSync(file, 'utf8'))] as const);
    expect(files.length).toBeGreaterThan(50);
    const slow = outcomes.filter(([file, how]) => file.startsWith('scenarios/') && how === 'gave up').map(([file]) => file);
    // The bundled scenarios are the shape users copy: the fast reader must know it (a few use YAML it leaves to the library).
    expect(slow.length).toBeLessThan(files.filter((f) => f.startsWith('scenarios/')).length / 4);
  });

  test('every text of the bad-input corpus: the fast reader gives up or agrees (it never accepts what the library refuses)', () => {
    for (const c of buildCorpus('.')) {
      for (const content of Object.values(c.files)) if (typeof content === 'string') agrees(content);
    }
  });

  test.each([
    ['numbers, booleans and nulls as the YAML 1.2 core schema types them', 'a: 1\nb: -2.5\nc: 1e3\nd: true\ne: False\nf: ~\ng:\nh: null\ni: 007\nj: +3\n'],
    ['strings that look like other things', 'a: yes\nb: on\nc: 10ms\nd: 6/h\ne: /core/network/netstack\nf: 1MB/s\nh: 1_000\n'],
    ['quoted scalars', `a: "x y"\nb: 'it''s'\nc: ""\n"d": 1\n`],
    ['flow collections', 'a: { b: [1, 2, { c: d }], e: [] , f: {} }\n'],
    ['a sequence at its key\'s indentation', 'a:\n- 1\n- b: 2\n  c: 3\nd: 4\n'],
    ['nested block sequences of mappings', 'a:\n  - name: x\n    depends: [y]\n    restart:\n      when: always\n  -\n    name: y\n'],
    ['block scalars, folded and literal, clipped and stripped', 'a: >\n  one\n  two\n\n  three # not a comment\n\nb: |\n  x\n\n  y\nc: >-\n  z\n  w\nd: 1\n'],
    ['colons inside scalars', 'a: 10:30\nb: { at: x.toml:3 }\n'],
    ['comments everywhere', '# head\na: 1 # one\n  # indented comment\nb: [1, 2] # two\n'],
    ['keys met again, of one length and another, in flow and block', 'ab: { ab: 1, cd: 2, abc: [ab, cd] }\ncd:\n  - { cd: 3, ab: 4 }\n  - [ab, { ab: cd }]\n  - ab: 5\n    cd: 6\nabc: 7\n'],
    ['nested and empty flow lists as sequence items', 'a:\n  - [[1, 2], [], [3]]\n  - []\n  - {}\n  - [x, [y, [z]]]\n'],
    ['long values, plain and quoted', 'name: a name longer than thirteen\nb: "a quoted value, long enough"\nc: [/core/network/netstack, \'it\'\'s a long single-quoted one\']\n'],
    ['signs and zeros that are no hexadecimal', 'a: +0\nb: 0\nc: 0-x\nd: 00\ne: "0x1"\n'],
  ])('%s', (_what, text) => {
    expect(agrees(text)).toBe('fast');
  });

  test.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a block scalar with a more-indented line (it folds by other rules)', 'a: >\n  text\n    more\n'],
    ['a block scalar that keeps its trailing lines', 'a: |+\n  text\n\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line flow mapping', 'a: { b: 1,\n  c: 2 }\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in a flow mapping', 'a: { b: 1, b: 2 }\n'],
    ['a reserved key', '__proto__: 1\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['an escape in a double-quoted scalar', 'a: "x\\ny"\n'],
    ['.inf', 'a: .inf\n'],
    ['a hexadecimal number', 'a: 0x1F\n'],
    ['a signed octal number', 'a: -0o17\n'],
    ['a trailing comma in a flow list item', '- [a, b, ]\n'],
    ['a flow item with text after it', '- { a: 1 } b\n'],
    ['a no-break space ending a flow value', 'a: [b\u00a0]\n'],
    ['a comment inside a flow value', 'a: [b #c]\n'],
    ['a key and a value on two levels of one line', 'a: b: c\n'],
    ['a bad indentation', 'a:\n    b: 1\n  c: 2\n'],
  ])('gives up on %s', (_what, text) => {
    expect(parseFastYaml(text)).toBeUndefined();
  });

  test('a long value read from a file does not keep the file\'s whole text alive', () => {
    const gc = collector();
    if (!gc) return; // no collector in this V8
    const heapMb = (): number => {
      gc();
      return process.memoryUsage().heapUsed / 2 ** 20;
    };
    const before = heapMb();
    // Values of 13 characters or more are the ones V8 would make slices of the text.
    const read = (): unknown => {
      const { pad: _, ...rest } = parseFastYaml(`name: a scenario name of some length\npad: [${'x, '.repeat(4 * 2 ** 20)}y]\nlist: ["a quoted name, long", /core/network/netstack]\n`) as Record<string, unknown>;
      return rest;
    };
    const values = read();
    const grew = heapMb() - before;
    expect(values).toStrictEqual({ name: 'a scenario name of some length', list: ['a quoted name, long', '/core/network/netstack'] });
    expect(grew, `${grew.toFixed(1)} MB kept by the values of a 32 MB text`).toBeLessThan(8);
  });
});

/** The garbage collector, when this V8 lets a test have it. */
function collector(): (() => void) | undefined {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : undefined;
}
