import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { ScenarioError, ScenarioProblem, type FieldPath } from './errors.js';
import { resolveScenario } from './resolve.js';
import { scenarioSchema } from './schema.js';
import type { Scenario } from './types.js';
import { validateScenario } from './validate.js';

/**
 * Loads a scenario file: YAML (JSON is accepted, being YAML too), checked
 * against the schema, resolved and cross-checked. Any problem becomes one
 * `ScenarioError` naming file, line, column and field path.
 */
export function loadScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a scenario file' : `cannot read (${code})`;
    throw new ScenarioError(file, 0, 0, [], why);
  }
  return parseScenario(text, file);
}

/** Parses scenario text; `file` is used only in error messages. */
export function parseScenario(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, path: FieldPath, message: string): ScenarioError => {
    const { line, col } = lineCounter.linePos(offset);
    return new ScenarioError(file, line, col, path, message);
  };

  const syntax = doc.errors[0];
  if (syntax) throw at(syntax.pos[0], [], `invalid YAML: ${syntax.message.split('\n')[0]}`);

  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw at(0, [], 'a scenario is a mapping with at least `name`, `duration` and `components`');
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const { path, message, key } = describeIssue(parsed.error.issues[0]!, data);
    throw at(offsetOf(doc, path, key), key === undefined ? path : [...path, key], message);
  }
  try {
    const scenario = resolveScenario(parsed.data);
    validateScenario(scenario);
    return scenario;
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
function describeIssue(issue: Issue, data: unknown): { path: FieldPath; message: string; key?: string } {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return { path, key: issue.keys[0], message: `unknown field "${issue.keys[0]}"` };
  }
  if (issue.code === 'invalid_union') {
    const branches = issue.errors.map((branch) => branch[0]).filter((i): i is Issue => i !== undefined);
    const informative = branches.find((i) => i.code !== 'invalid_type') ?? branches[0];
    if (informative) return describeIssue({ ...informative, path: [...issue.path, ...informative.path] } as Issue, data);
  }
  if (!hasPath(data, path)) return { path, message: 'missing required field' };
  if (issue.code === 'invalid_value') {
    return { path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(valueAt(data, path))}` };
  }
  return { path, message: issue.message };
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
function offsetOf(doc: Document, path: FieldPath, key?: string): number {
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
