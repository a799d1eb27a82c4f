import { createRequire } from 'node:module';
import type { Document, Node as YamlNode, YAMLError } from 'yaml';
import type { z } from 'zod';
import { ScenarioError, ScenarioProblem, type FieldPath } from '../format/errors.js';
import { parseFastYaml } from './fast-yaml.js';
import { MAX_SCENARIO_BYTES, readTextFile } from './read-text.js';
import { resolveScenario } from './resolve.js';
import { passesUnchanged } from './passes-unchanged.js';
import { scenarioSchema, type ScenarioInput } from './schema.js';
import type { Scenario } from './types.js';
import { validateInput, validateScenario } from './validate.js';

/**
 * Loads a scenario file: YAML (JSON is accepted, being YAML too), checked
 * against the schema, resolved and cross-checked. Any problem becomes one
 * `ScenarioError` naming file, line, column and field path.
 */
export function loadScenarioFile(file: string): Scenario {
  const read = readTextFile(file, MAX_SCENARIO_BYTES, 'scenario file');
  if ('problem' in read) throw new ScenarioError(file, 0, 0, [], read.problem === 'no such scenario file' ? 'no such file' : read.problem);
  return parseScenario(read.text, file);
}

/**
 * How many alias expansions a scenario may make. The YAML library's default
 * (100) refuses a legitimate file that reuses one anchor a hundred times
 * (`restart: *p` on every component); 10,000 allows that many times over,
 * while a "billion laughs" bomb (aliases of aliases, growing exponentially)
 * still exceeds it within a few levels and is refused.
 */
export const MAX_ALIAS_EXPANSIONS = 10_000;

/** Keys that would reach JavaScript's object machinery rather than name something. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The YAML library's messages, in recsim's words: what is wrong and what to change. */
function yamlMessage(error: YAMLError): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS': return 'a scenario file holds one YAML document, and a second one (after `---`) starts here: remove it or move it to its own file';
    case 'DUPLICATE_KEY': return 'this key appears twice in one mapping: keep one';
    case 'TAB_AS_INDENT': return 'invalid YAML: a tab is used for indentation; indent with spaces';
    case 'TAG_RESOLVE_FAILED': return `invalid YAML: unknown tag (${error.message.replace(/^Unresolved tag:\s*/, '')}); recsim reads plain YAML without tags`;
    case 'BAD_ALIAS': return 'invalid YAML: an alias (`*name`) cannot carry an anchor or a tag';
    default:
      if (/call stack/i.test(error.message)) return 'invalid YAML: the document nests too deeply (thousands of levels); a scenario needs a handful';
      return `invalid YAML: ${error.message.split('\n')[0]!.replace(/;?\s*please use YAML\.\w+\(\)/, '')}`;
  }
}

/** The first alias whose anchor is not defined before it, or (with `any`) the first alias at all. */
function findAlias(doc: Document, unresolvedOnly: boolean): { offset: number; name: string } | undefined {
  const { isAlias, visit } = yaml();
  const anchors = new Set<string>();
  let found: { offset: number; name: string } | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!unresolvedOnly || !anchors.has(node.source)) {
        found = { offset: node.range?.[0] ?? 0, name: node.source };
        return visit.BREAK;
      }
    } else if (node && typeof node === 'object' && 'anchor' in node && typeof (node as { anchor?: unknown }).anchor === 'string') {
      anchors.add((node as { anchor: string }).anchor);
    }
    return undefined;
  });
  return found;
}

/** The first mapping key that is a reserved JavaScript name. */
function findReservedKey(doc: Document): { offset: number; key: string } | undefined {
  const { isScalar, visit } = yaml();
  let found: { offset: number; key: string } | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && RESERVED_KEYS.has(String(pair.key.value))) {
        found = { offset: pair.key.range?.[0] ?? 0, key: String(pair.key.value) };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The YAML library, loaded the first time a file needs it (a file outside the
 * fast reader's subset, or one with an error to locate): a command that reads
 * plain scenarios never pays for loading it.
 */
let yamlLibrary: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlLibrary;
}

/** The cross-checks before and after resolution; a problem is a ScenarioProblem without a position yet. */
function resolvedAndChecked(input: Parameters<typeof resolveScenario>[0]): Scenario {
  validateInput(input);
  const scenario = resolveScenario(input);
  validateScenario(scenario);
  return scenario;
}

/**
 * Parses scenario text; `file` is used only in error messages. The text is
 * read fast first (fast-yaml.ts, no positions kept); when that reader does
 * not know the text, or the data it gives is wrong anywhere (schema,
 * references, values), the text is parsed again with the YAML library, which
 * keeps positions, and the same checks run again to say file:line:col.
 */
export function parseScenario(text: string, file: string): Scenario {
  return parseFast(text) ?? parseScenarioWithPositions(text, file);
}

/**
 * The fast path of `parseScenario`, or undefined when the text needs the slow
 * one. Each stage lets the one before it go as soon as it exists (at a
 * million components each is a few hundred MB): the reader's data once the
 * schema's is there, the schema's once the scenario is resolved. When the
 * reader's data passes the schema unchanged (passes-unchanged.ts), it is the
 * schema's data: zod builds no copy.
 */
function parseFast(text: string): Scenario | undefined {
  let read: unknown = parseFastYaml(text);
  if (read === null || typeof read !== 'object' || Array.isArray(read)) return undefined;
  let input: ScenarioInput | undefined;
  if (passesUnchanged(scenarioSchema)(read)) input = read as ScenarioInput;
  else {
    const parsed = scenarioSchema.safeParse(read);
    if (!parsed.success) return undefined;
    input = parsed.data;
  }
  read = undefined;
  try {
    validateInput(input);
    const scenario = resolveScenario(input);
    input = undefined;
    validateScenario(scenario);
    return scenario;
  } catch (error) {
    if (!(error instanceof ScenarioProblem)) throw error;
    return undefined;
  }
}

/** The checks of `parseScenario` over the YAML library's document, which knows where every value is: what every error message is made from. */
function parseScenarioWithPositions(text: string, file: string): Scenario {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, path: FieldPath, message: string): ScenarioError => {
    const { line, col } = lineCounter.linePos(offset);
    return new ScenarioError(file, line, col, path, message);
  };

  const syntax = doc.errors[0] ?? doc.warnings[0];
  if (syntax) throw at(syntax.pos[0], [], yamlMessage(syntax));
  const unresolved = findAlias(doc, true);
  if (unresolved) throw at(unresolved.offset, [], `the alias *${unresolved.name} has no anchor &${unresolved.name} before it: define the anchor first, or write the value`);
  const reserved = findReservedKey(doc);
  if (reserved) throw at(reserved.offset, [], `"${reserved.key}" cannot be used as a key (a reserved JavaScript name): rename it`);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    const first = findAlias(doc, false);
    const bomb = /alias count/i.test((error as Error).message);
    throw at(first?.offset ?? 0, [], bomb
      ? `refused: the aliases expand to more than ${MAX_ALIAS_EXPANSIONS.toLocaleString('en')} copies (a "billion laughs" YAML bomb?); write the repeated values out or use fewer levels of aliases`
      : /call stack/i.test((error as Error).message) ? 'invalid YAML: the document nests too deeply (thousands of levels); a scenario needs a handful'
      : `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw at(0, [], 'a scenario is a mapping with at least `name`, `duration` and `components`');
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const { path, message, key } = describeIssue(parsed.error.issues[0]!, data);
    throw at(offsetOf(doc, path, key), key === undefined ? path : [...path, key], message);
  }
  try {
    return resolvedAndChecked(parsed.data);
  } catch (error) {
    if (error instanceof ScenarioProblem) {
      const offset = error.atKey ? offsetOf(doc, error.path.slice(0, -1), String(error.path.at(-1))) : offsetOf(doc, error.path);
      throw at(offset, error.path, error.message);
    }
    throw error;
  }
}

type Issue = z.core.$ZodIssue;

/** Turns the first schema issue into a message that says what to change. */
export function describeIssue(issue: Issue, data: unknown): { path: FieldPath; message: string; key?: string } {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return { path, key: issue.keys[0], message: `unknown field "${issue.keys[0]}"` };
  }
  if (issue.code === 'invalid_union') {
    const branches = issue.errors.map((branch) => branch[0]).filter((i): i is Issue => i !== undefined);
    // The branch that got furthest into the value (the one whose shape matched) says the most.
    const depth = (i: Issue): number => i.path.length * 2 + (i.code === 'invalid_type' ? 0 : 1);
    const informative = branches.reduce<Issue | undefined>((best, i) => (best === undefined || depth(i) > depth(best) ? i : best), undefined);
    if (informative) return describeIssue({ ...informative, path: [...issue.path, ...informative.path] } as Issue, data);
  }
  if (!hasPath(data, path)) return { path, message: 'missing required field' };
  if (issue.code === 'invalid_value') {
    return { path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(valueAt(data, path))}` };
  }
  return { path, message: inRecsimWords(issue, valueAt(data, path)) };
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping',
  record: 'a mapping', bigint: 'a number', null: 'nothing',
};

/** What a value is, in words, for "expected X, got Y". */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return value instanceof Uint8Array ? 'binary data' : 'a mapping';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

/** zod's default messages ("Invalid input: expected array, received string"), rewritten; a schema's own messages are kept. */
function inRecsimWords(issue: Issue, value: unknown): string {
  if (!/^(Invalid|Too (small|big))/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${describeValue(value)}`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}, got ${describeValue(value)}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}, got ${describeValue(value)}`;
  return `not valid here (got ${describeValue(value)})`;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let node: unknown = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function hasPath(data: unknown, path: FieldPath): boolean {
  let node: unknown = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !(part in (node as object))) return false;
    node = (node as Record<string | number, unknown>)[part];
  }
  return true;
}

/**
 * The source offset of the field at `path`: the key itself when `key` names a
 * key of that mapping, else the value, else the nearest existing ancestor.
 */
export function offsetOf(doc: Document, path: FieldPath, key?: string): number {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  const steps = key === undefined ? path : [...path, key];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const isLast = i === steps.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
      if (!pair) break;
      if (isLast && key !== undefined) return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (node === undefined) break;
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | null)?.range?.[0];
}
