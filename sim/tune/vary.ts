import { isMap, isScalar, parse as parseYamlValue, type Document } from 'yaml';
import { formatPath, ScenarioError, type FieldPath } from '../format/errors.js';
import { parseValues } from './values.js';

/**
 * One `--vary <path>=<values>` flag. `<path>` addresses a field the scenario
 * format already has:
 *   `<component>.<field>[.<field>...]`  one component's field (the longest
 *                                        component name that prefixes the path wins,
 *                                        so `docker.service.restart.delay` works)
 *   `*.<field>[...]`                    that field of every component that has its parent
 *   `system.<field>[...]`               a system-wide setting
 *   `<field>`                           a top-level field such as `duration`
 */
export interface Vary {
  /** The flag as written, for messages and output keys. */
  flag: string;
  path: string;
  values: string[];
  /** Where in the document each value goes: one path for a component or system field, several for `*`. */
  targets: FieldPath[];
}

export class VaryError extends Error {}

const TOP_LEVEL = new Set(['duration', 'heal', 'event_budget']);

/** The plain data of a YAML document's `components` list: names in order. */
function componentNames(doc: Document): string[] {
  const components = doc.get('components', true);
  if (!components || !('items' in (components as object))) return [];
  return (components as { items: unknown[] }).items.map((item) => (isMap(item) ? String(item.get('name') ?? '') : ''));
}

/** The parent mapping of `path` exists in the document (so `*.restart.delay` skips components written without `restart` as a mapping). */
function parentIsMapping(doc: Document, path: FieldPath): boolean {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  return isMap(parent);
}

function resolveTargets(doc: Document, path: string): FieldPath[] {
  const segments = path.split('.');
  if (segments.some((s) => s === '')) throw new VaryError(`"${path}" has an empty part (write e.g. e1000d.restart.delay)`);
  if (segments[0] === '*') {
    if (segments.length < 2) throw new VaryError('"*" needs a field after it, e.g. *.restart.delay');
    const fields = segments.slice(1);
    const targets = componentNames(doc).flatMap((_, i) => {
      const target: FieldPath = ['components', i, ...fields];
      return parentIsMapping(doc, target) ? [target] : [];
    });
    if (targets.length === 0) throw new VaryError(`no component has "${fields.slice(0, -1).join('.') || fields[0]}"${fields.length > 1 ? ' written as a mapping' : ''} to vary "${path}" in`);
    return targets;
  }
  if (segments[0] === 'system') {
    if (segments.length < 2) throw new VaryError('"system" needs a field after it, e.g. system.stop_timeout');
    return [['system', ...segments.slice(1)]];
  }
  if (segments.length === 1 && TOP_LEVEL.has(segments[0]!)) return [[segments[0]!]];
  const names = componentNames(doc);
  for (let cut = segments.length - 1; cut >= 1; cut--) {
    const name = segments.slice(0, cut).join('.');
    const index = names.indexOf(name);
    if (index >= 0) {
      const target: FieldPath = ['components', index, ...segments.slice(cut)];
      const parent = doc.getIn(target.slice(0, -1), true);
      if (parent !== undefined && !isMap(parent)) {
        const written = isScalar(parent) ? ` (written as "${String(parent.value)}")` : '';
        throw new VaryError(`${name}.${segments.slice(cut, -1).join('.')} is not a mapping${written}: write it as a mapping in the scenario, e.g. { when: on-failure }, to vary one of its fields`);
      }
      return [target];
    }
  }
  const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? ', ...' : '');
  throw new VaryError(`no component named "${segments[0]}"${segments.length > 2 ? ` (nor any longer prefix of "${path}")` : ''}; components: ${shown}; or use "*.<field>" or "system.<field>"`);
}

/** Parses one `--vary` flag against the scenario's document. */
export function parseVary(flag: string, doc: Document): Vary {
  const eq = flag.indexOf('=');
  if (eq <= 0) throw new VaryError(`expected <path>=<values>, e.g. e1000d.restart.delay=1s,5s,30s; got "${flag}"`);
  const path = flag.slice(0, eq).trim();
  const parsed = parseValues(flag.slice(eq + 1));
  if ('error' in parsed) throw new VaryError(`${path}: ${parsed.error}`);
  return { flag, path, values: parsed.values, targets: resolveTargets(doc, path) };
}

/** A value as written on the command line, as YAML would read it in the file (`3` a number, `true` a boolean, `1s` text). */
export function yamlValue(text: string): unknown {
  try {
    const value = parseYamlValue(text) as unknown;
    return value === null || value === undefined ? text : value;
  } catch {
    return text;
  }
}

/** The document with each vary's value of a setting written in. */
export function documentWith(doc: Document, varies: readonly Vary[], values: readonly string[]): Document {
  const copy = doc.clone();
  varies.forEach((vary, i) => {
    for (const target of vary.targets) copy.setIn(target, copy.createNode(yamlValue(values[i]!)));
  });
  return copy;
}

/** Turns a load error of a setting into a message about the flag that caused it, where it is one. */
export function settingError(error: ScenarioError, varies: readonly Vary[], values: readonly string[]): string {
  const path = error.path;
  const startsWith = (long: FieldPath, short: FieldPath): boolean => short.every((part, i) => long[i] === part);
  // The error is about a varied field when it lies inside it, or on the component's mapping that holds it.
  const culprit = varies.findIndex((v) => v.targets.some((t) => startsWith(path, t) || (path.length > 2 && startsWith(t, path))));
  if (culprit >= 0) return `--vary ${varies[culprit]!.path}=${values[culprit]}: ${formatPath(path)}: ${error.detail}`;
  const setting = varies.map((v, i) => `${v.path}=${values[i]}`).join(' ');
  return `with ${setting} the scenario does not load: ${formatPath(path)}: ${error.detail}`;
}
