import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { listFolder, readConfigFile, statFollowing } from '../read-config.js';
import { ImportError } from '../types.js';
import { parseUnitText, type Assignment } from './parse.js';

/**
 * Reads unit files the way systemd's unit loader finds them
 * (systemd.unit(5) "Unit File Load Path", src/basic/unit-file.c
 * unit_file_build_name_map()): several folders, a later one overriding an
 * earlier one (list /usr/lib/systemd/system before /etc/systemd/system, as
 * systemd ranks /etc above /usr/lib); a symlink to /dev/null masks a unit; a
 * symlink to another unit name is an alias; `foo@bar.service` falls back to
 * the template `foo@.service`; drop-ins `foo.service.d/*.conf` (and the
 * template's `foo@.service.d/`) are read after the fragment in lexical order
 * of their file names, a later folder's file replacing a same-named one;
 * `foo.target.wants/` and `.requires/` add Wants=/Requires=.
 */

export const UNIT_TYPES = ['service', 'socket', 'target', 'device', 'mount', 'automount', 'swap', 'timer', 'path', 'slice', 'scope'] as const;
const UNIT_NAME = new RegExp(`^[^/]+\\.(${UNIT_TYPES.join('|')})$`);

export function isUnitName(name: string): boolean {
  return UNIT_NAME.test(name);
}

/**
 * `getty@.service.m4`, `systemd-journald.service.in` -> the unit the build
 * makes of it (systemd's source tree: units/meson.build runs these through
 * m4 or configure_file() to substitute @rootlibexecdir@ and the like).
 */
export function buildTemplateOf(name: string): string | undefined {
  const m = /^(.+)\.(in|m4|m4\.in)$/.exec(name);
  return m && isUnitName(m[1]!) ? m[1] : undefined;
}

export function unitType(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** One unit after loading: the fragment, then its drop-ins, with specifiers expanded. */
export interface UnitDecl {
  name: string;
  type: string;
  /** The fragment's path (its real path when reached through a symlink). */
  file: string;
  /** The line the declaration starts at (1 for a unit file; the Id= line of `systemctl show`). */
  line: number;
  dropIns: string[];
  assignments: Assignment[];
  /** From `.wants/` and `.requires/` folders. */
  wantsDir: { name: string; at: string }[];
  requiresDir: { name: string; at: string }[];
  /** `systemctl show` output: values already resolved, default dependencies included. */
  resolved: boolean;
}

export type LoadOutcome =
  | { kind: 'unit'; unit: UnitDecl }
  | { kind: 'masked'; at: string }
  | { kind: 'not-found' };

interface Entry {
  path: string;
  /** Where a symlink points (its target's base name), when it is one. */
  link?: string;
}

export class UnitTree {
  private readonly entries = new Map<string, Entry>();
  private readonly dirs = new Map<string, string[]>();
  private readonly cache = new Map<string, LoadOutcome>();
  /** Alias -> the name it stands for. */
  readonly aliases = new Map<string, string>();
  /** Unit names given as files rather than found in a folder: the units the user named. */
  readonly givenFiles: string[] = [];
  /** Build templates found in the folders (`foo.service.in`, `foo.service.m4`): not units systemd reads. */
  readonly templates: { path: string; unit: string }[] = [];
  /** Lines the unit-file reader skipped, as systemd's reader does (conf-parser.c), for the import to warn about. */
  readonly skippedLines: { file: string; line: number; text: string; why: string }[] = [];

  constructor(roots: readonly string[]) {
    for (const root of roots) this.index(root);
  }

  private index(root: string): void {
    const hint = 'give a folder of unit files such as /usr/lib/systemd/system, or a unit file';
    if (!existsSync(root)) throw new ImportError(root, 0, 0, `no such folder or file; ${hint}`);
    const st = statFollowing(root, hint);
    if (st.isFile()) {
      // A single unit file (`recsim import systemd docker.service`): it alone, as if its folder held nothing else.
      this.indexEntry(dirname(root), basename(root));
      if (isUnitName(basename(root))) this.givenFiles.push(basename(root));
      return;
    }
    if (!st.isDirectory()) throw new ImportError(root, 0, 0, `not a folder of unit files; ${hint}`);
    for (const name of listFolder(root, hint).sort()) this.indexEntry(root, name);
  }

  private indexEntry(root: string, name: string): void {
    const path = join(root, name);
    const st = lstatSync(path);
    // A `.wants` link is followed (it may lead to a folder elsewhere); a loop or a dangling one is named, with the link.
    if (/\.(d|wants|requires)$/.test(name) && (st.isDirectory() || (st.isSymbolicLink() && statFollowing(path, 'point the link at a folder, or remove it').isDirectory()))) {
      this.dirs.set(name, [...(this.dirs.get(name) ?? []), path]);
    } else if (isUnitName(name)) {
      this.entries.set(name, st.isSymbolicLink() ? { path, link: readlinkSync(path) } : { path });
    } else {
      const template = buildTemplateOf(name);
      if (template !== undefined) this.templates.push({ path, unit: template });
    }
  }

  /** Every unit name found in the folders, in lexical order. */
  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** The name a (possibly aliased) unit name stands for. */
  canonical(name: string): string {
    let current = name;
    for (let i = 0; i < 16; i++) {
      const entry = this.entries.get(current);
      if (entry?.link === undefined || entry.link === '/dev/null') return current;
      const target = basename(entry.link);
      if (target === current || !isUnitName(target)) return current;
      this.aliases.set(name, target);
      current = target;
    }
    return current;
  }

  load(requested: string): LoadOutcome {
    const name = this.canonical(requested);
    const hit = this.cache.get(name);
    if (hit) return hit;
    const outcome = this.read(name);
    this.cache.set(name, outcome);
    return outcome;
  }

  private read(name: string): LoadOutcome {
    const at = name.indexOf('@');
    const template = at > 0 ? `${name.slice(0, at + 1)}${name.slice(name.lastIndexOf('.'))}` : undefined;
    let entry = this.entries.get(name);
    if (entry === undefined && template !== undefined && template !== name) entry = this.entries.get(template);
    if (entry === undefined) return { kind: 'not-found' };
    if (entry.link === '/dev/null') return { kind: 'masked', at: entry.path };
    // A symlink of the same name (e.g. /etc/systemd/system/x.service -> /lib/systemd/system/x.service): cite the file it points at.
    // An absolute target is a path from the root, as the kernel and systemd (src/basic/unit-file.c
    // unit_file_build_name_map(), chase() of the link target) resolve it; a relative one starts at the link's folder.
    const file = entry.link === undefined ? entry.path : resolve(dirname(entry.path), entry.link);
    if (entry.link !== undefined && !existsSync(file) && !lstatExists(file)) throw new ImportError(entry.path, 0, 0, `a dangling symlink (to ${entry.link}); remove it or point it at a unit file`);
    const specifiers = specifiersOf(name);
    const expand = (a: Assignment): Assignment => ({ ...a, value: expandSpecifiers(a.value, specifiers) });
    const onSkip = (line: { file: string; line: number; text: string; why: string }): void => { this.skippedLines.push(line); };
    const assignments = parseUnitText(readConfigFile(entry.path, 'unit file', 'give a unit file'), file, onSkip).map(expand);
    const dropIns = this.dropInsOf(name, template);
    for (const path of dropIns) assignments.push(...parseUnitText(readConfigFile(path, 'drop-in file', 'a drop-in is a file of [Section] and Key=Value lines'), path, onSkip).map(expand));
    const listed = (suffix: string): { name: string; at: string }[] =>
      (this.dirs.get(`${name}.${suffix}`) ?? []).flatMap((dir) => listFolder(dir, `a .${suffix}/ folder holds links to units`).sort().filter(isUnitName).map((n) => ({ name: n, at: join(dir, n) })));
    return {
      kind: 'unit',
      unit: { name, type: unitType(name), file, line: 1, dropIns, assignments, wantsDir: listed('wants'), requiresDir: listed('requires'), resolved: false },
    };
  }

  /** Drop-in files, merged by file name (a later folder's replaces an earlier one's) and read in lexical order. */
  private dropInsOf(name: string, template: string | undefined): string[] {
    const byFile = new Map<string, string>();
    for (const unit of template !== undefined && template !== name ? [template, name] : [name]) {
      for (const dir of this.dirs.get(`${unit}.d`) ?? []) {
        for (const f of listFolder(dir, 'a .d/ folder holds drop-in .conf files')) if (f.endsWith('.conf')) byFile.set(f, join(dir, f));
      }
    }
    return [...byFile.keys()].sort().map((f) => byFile.get(f)!);
  }
}

interface Specifiers {
  n: string; N: string; p: string; P: string; i: string; I: string; j: string; J: string;
}

/** Undoes systemd-escape: "-" is "/", "\xNN" a byte (systemd.unit(5) "String Escaping for Inclusion in Unit Names"). */
export function unescapeUnitName(text: string): string {
  return text.replace(/-/g, '/').replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function specifiersOf(name: string): Specifiers {
  const prefixed = name.slice(0, name.lastIndexOf('.'));
  const at = prefixed.indexOf('@');
  const prefix = at >= 0 ? prefixed.slice(0, at) : prefixed;
  const instance = at >= 0 ? prefixed.slice(at + 1) : '';
  const dash = prefix.lastIndexOf('-');
  const j = dash >= 0 ? prefix.slice(dash + 1) : prefix;
  return { n: name, N: prefixed, p: prefix, P: unescapeUnitName(prefix), i: instance, I: unescapeUnitName(instance), j, J: unescapeUnitName(j) };
}

/** Expands the specifiers of systemd.unit(5) "Specifiers" that can name units: %n %N %p %P %i %I %j %J and %%; others stay as written. */
export function expandSpecifiers(value: string, s: Specifiers): string {
  return value.replace(/%([nNpPiIjJ%])/g, (_, c: string) => (c === '%' ? '%' : s[c as keyof Specifiers]));
}

/** Whether a path exists as a link at least (a link to a link that dangles is reported by the reader, naming it). */
function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** For tests and the CLI: an absolute path, so citations are unambiguous. */
export function absolute(path: string): string {
  return resolve(path);
}
