import { basename } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { ImportError } from '../types.js';

/**
 * The files of Redox's init folders (`/usr/lib/init.d`, `/etc/init.d`), in
 * the three forms Redox has shipped:
 * - init scripts, files with no extension (redox-os/init src/main.rs run():
 *   one command per line, `#` comments, each command spawned and waited for;
 *   `run.d` runs a folder's scripts in file-name order). From 2026 a script's
 *   first lines may say `requires_weak <unit>...` (redox-os/redox commit
 *   474729b4f, "Specify dependencies between init scripts"), and `notify` /
 *   `nowait` prefix a daemon;
 * - units named `<name>.service` / `<name>.target`: a `[unit]` table
 *   (`description`, `requires`, `requires_weak`) and for a service a
 *   `[service]` table (`cmd`, `type`). The first unit loader read them as JSON
 *   (`serde_json::from_str`, UnitKind::Service), later ones as TOML;
 * - `.switchroot` units, which switch the root filesystem: not a process.
 * A unit's id is its file name (Unit::from_file(): `config_path.file_name()`),
 * so references carry the `NN_` prefix and the type (`10_net.target`).
 */

export type RedoxUnitKind = 'script' | 'service' | 'target';

export interface RedoxUnit {
  file: string;
  /** The file name without the unit type: `10_dhcpd`, `00_base`. */
  stem: string;
  kind: RedoxUnitKind;
  /** file:line the unit is cited at. */
  at: string;
  requires: { name: string; at: string }[];
  requiresWeak: { name: string; at: string }[];
  /** service: `type` (oneshot, oneshot_async, notify, ...). */
  type?: string;
  typeAt?: string;
  /** What runs: the script's commands or the service's cmd, for the comment. */
  programs: string[];
  /** Keys read and not modelled. */
  ignored: string[];
}

const SCRIPT_BUILTINS = new Set(['cd', 'echo', 'export', 'run', 'run.d', 'stdio', 'unset', 'set-default-scheme', 'rm', 'mkdir']);

/** What a file in an init folder is, by its name; undefined for files init does not load (with the reason). */
export function redoxUnitKind(name: string): RedoxUnitKind | { skip: string } {
  if (!name.includes('.')) return 'script';
  if (name.endsWith('.service')) return 'service';
  if (name.endsWith('.target')) return 'target';
  if (name.endsWith('.switchroot')) return { skip: 'a switchroot unit switches the root filesystem: no process to recover' };
  return { skip: `not a unit init loads (Unit::from_file() accepts no extension, .service, .target, .switchroot)` };
}

function lineOf(text: string, pattern: RegExp): number {
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}

export function readRedoxUnit(file: string, text: string, kind: RedoxUnitKind): RedoxUnit {
  const name = basename(file);
  const stem = kind === 'script' ? name : name.slice(0, name.lastIndexOf('.'));
  if (kind === 'script') return readScript(file, stem, text);
  let data: Record<string, unknown>;
  const json = text.trimStart().startsWith('{');
  try {
    data = (json ? JSON.parse(text) : parseToml(text)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) throw new ImportError(file, error.line, error.column, `invalid TOML: ${error.message.split('\n')[0]}; fix the syntax there`);
    if (error instanceof SyntaxError) throw new ImportError(file, 1, 1, `invalid JSON (a JSON-era unit): ${error.message}; fix the syntax there`);
    throw error;
  }
  const unit = (data.unit ?? {}) as Record<string, unknown>;
  const service = (data.service ?? {}) as Record<string, unknown>;
  const list = (key: string): { name: string; at: string }[] => {
    const v = unit[key];
    const line = lineOf(text, new RegExp(`["']?${key}["']?\\s*[=:]`));
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ImportError(file, line, 1, `${key}: write a list of unit names, e.g. ${key} = ["10_net.target"]`);
    return (v as string[]).map((n) => ({ name: n, at: `${file}:${line}` }));
  };
  const sectionLine = lineOf(text, kind === 'service' ? /\[service\]|"service"/ : /\[unit\]|"unit"/);
  if (kind === 'service' && typeof service.cmd !== 'string') throw new ImportError(file, sectionLine, 1, '[service]: needs cmd = "<program>"');
  const ignored = [...Object.keys(unit).filter((k) => !['requires', 'requires_weak'].includes(k)).map((k) => `[unit] ${k}`),
    ...Object.keys(service).filter((k) => !['cmd', 'type'].includes(k)).map((k) => `[service] ${k}`)];
  return {
    file, stem, kind, at: `${file}:${sectionLine}`,
    requires: list('requires'), requiresWeak: list('requires_weak'),
    ...(typeof service.type === 'string' ? { type: service.type, typeAt: `${file}:${lineOf(text, /["']?type["']?\s*[=:]/)}` } : {}),
    programs: typeof service.cmd === 'string' ? [service.cmd] : [],
    ignored,
  };
}

function readScript(file: string, stem: string, text: string): RedoxUnit {
  const requires: { name: string; at: string }[] = [];
  const requiresWeak: { name: string; at: string }[] = [];
  const programs: string[] = [];
  const lines = text.split(/\r?\n/);
  let first = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const words = line.split(/\s+/);
    if (words[0] === 'requires_weak' || words[0] === 'requires') {
      for (const n of words.slice(1)) (words[0] === 'requires' ? requires : requiresWeak).push({ name: n, at: `${file}:${i + 1}` });
      return;
    }
    first ||= i + 1;
    // notify/nowait prefix a daemon; VAR=value words set its environment.
    const rest = words[0] === 'notify' || words[0] === 'nowait' ? words.slice(1) : words;
    const program = rest.find((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w));
    if (program !== undefined && !SCRIPT_BUILTINS.has(program)) programs.push(program);
  });
  return { file, stem, kind: 'script', at: `${file}:${first || 1}`, requires, requiresWeak, programs, ignored: [] };
}

/** `10_net.target`, `10_net`, `net` and `net.service` all name the unit whose stem is `10_net`. */
export function referenceKeys(ref: string): string[] {
  const stem = ref.replace(/\.(service|target|toml)$/, '');
  const bare = stem.replace(/^\d+_/, '');
  return bare === stem ? [stem] : [stem, bare];
}
