import { readConfigFile } from '../read-config.js';
import { basename } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { breakCycles, type Edge } from '../graph.js';
import { parseDuration } from '../../engine/time.js';
import { LineIndex } from '../text-lines.js';
import { expandFolders } from '../inputs.js';
import { readRedoxUnit, redoxUnitKind, referenceKeys, type RedoxUnit } from './units.js';
import { ImportError, ImportLog, importResult, type Component, type ImportedUnit, type ImportOptions, type ImportResult } from '../types.js';

/**
 * Redox services as a scenario, from either of the two forms Redox has:
 * - the service monitor's registry of the service-and-driver-recovery RFC
 *   (`[[service]]` tables, or one table per file: `name`, `command`,
 *   `restart_behavior` = "timer(ms)" | "recovery(ms)" | "never", `depends`,
 *   `init_after`); its services are supervised by a service monitor component,
 *   so R4 (a stopped dependency stops its dependents) and R6 apply;
 * - the current init's unit files (`<name>.toml` under init.d: `[unit]
 *   requires`, `requires_weak`, `[service] cmd`, `type`); init does not
 *   restart services, so they never restart.
 * TOML is parsed with smol-toml (a TOML 1.0 parser that reports line and column).
 */

const MONITOR = 'servicemonitor';

interface Declared {
  name: string;
  /** The names a reference may use for it: its file stem (`10_net`) and the stem without the NN_ prefix. */
  keys?: string[];
  /** What the comment adds: what the unit runs. */
  note?: string;
  at: string;
  component: Component;
  /** Strong dependencies, then ordering-only ones (init_after, requires_weak). */
  needs: { name: string; at: string; directive: string; weak: boolean }[];
}

function lineOf(text: string, pattern: RegExp, from = 0): number {
  const m = pattern.exec(text.slice(from));
  return m ? text.slice(0, from + m.index).split('\n').length : 1;
}

function readToml(file: string): { text: string; data: Record<string, unknown> } {
  const text = readConfigFile(file, 'file', 'give a Redox service .toml file');
  try {
    return { text, data: parseToml(text) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof TomlError) throw new ImportError(file, error.line, error.column, `invalid TOML: ${error.message.split('\n')[0]}; fix the syntax there`);
    throw error;
  }
}

function stringList(value: unknown, file: string, line: number, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ImportError(file, line, 1, `${field}: write a list of service names, e.g. ${field} = ["ahcid"]`);
  return value as string[];
}

/** "timer(1000)", "recovery(500)", "never" (the RFC's restart behaviours, R2; milliseconds). */
function restartOf(value: unknown, file: string, line: number): Component['restart'] {
  if (value === undefined || value === 'never') return 'never';
  const m = typeof value === 'string' ? /^(timer|recovery)\s*\(\s*(\d+)\s*(ms)?\s*\)$/.exec(value) : null;
  if (!m) throw new ImportError(file, line, 1, `restart_behavior = ${JSON.stringify(value)}: write "timer(<ms>)", "recovery(<ms>)" or "never"`);
  if (typeof parseDuration(`${m[2]}ms`) !== 'number') throw new ImportError(file, line, 1, `restart_behavior = ${JSON.stringify(value)}: a delay longer than recsim can simulate (285 years); write e.g. "timer(1000)"`);
  return { when: m[1] as 'timer', delay: `${m[2]}ms` };
}

export function importRedox(paths: readonly string[], options: ImportOptions): ImportResult {
  if (paths.length === 0) throw new ImportError('recsim import redox', 0, 0, 'give Redox service .toml files (the service monitor registry or init.d units)');
  const log = new ImportLog();
  const declared: Declared[] = [];
  let registry = false;
  const units: ImportedUnit[] = [];
  const initUnits: RedoxUnit[] = [];
  for (const file of expandFolders(paths, () => true)) {
    if (!file.endsWith('.toml')) {
      const kind = redoxUnitKind(basename(file));
      if (typeof kind === 'object') {
        units.push({ name: basename(file), at: file, coverage: 'skipped', why: kind.skip });
        continue;
      }
      const text = readConfigFile(file, 'file', 'give Redox init files (scripts, .service, .target) or service .toml files');
      initUnits.push(readRedoxUnit(file, text, kind));
      continue;
    }
    const { text, data } = readToml(file);
    if (data.unit !== undefined || data.service !== undefined && !Array.isArray(data.service)) {
      // init.d unit: the file name is the service's name.
      const name = basename(file).replace(/\.(toml|service)$/, '').replace(/^\d+_/, '');
      const unit = (data.unit ?? {}) as Record<string, unknown>;
      const service = (data.service ?? {}) as Record<string, unknown>;
      if (name === '') throw new ImportError(file, 0, 0, 'the file name gives the service its name, and this one gives none; name the file <service>.toml');
      const at = `${file}:${lineOf(text, /^[ \t]*\[service\]/m)}`;
      if (service.cmd === undefined) throw new ImportError(file, lineOf(text, /^[ \t]*\[service\]/m), 1, '[service]: needs cmd = "<program>"');
      const c: Component = { name, kind: 'service', restart: 'never' };
      const fields: Record<string, string> = { restart: `${at} (Redox init does not restart services)` };
      const needs: Declared['needs'] = [];
      const reqLine = lineOf(text, /^[ \t]*requires\s*=/m);
      for (const n of stringList(unit.requires, file, reqLine, 'requires')) needs.push({ name: n.replace(/\.service$/, ''), at: `${file}:${reqLine}`, directive: 'requires', weak: false });
      const weakLine = lineOf(text, /^[ \t]*requires_weak\s*=/m);
      for (const n of stringList(unit.requires_weak, file, weakLine, 'requires_weak')) needs.push({ name: n.replace(/\.service$/, ''), at: `${file}:${weakLine}`, directive: 'requires_weak', weak: true });
      if (service.type === 'oneshot' || service.type === 'oneshot_async') {
        log.warn(name, `${file}:${lineOf(text, /^[ \t]*type\s*=/m)}`, `type = "${String(service.type)}"`, 'a oneshot runs and exits; recsim keeps it running after its start');
      }
      for (const key of Object.keys(service)) if (!['cmd', 'type'].includes(key)) log.ignore(`[service] ${key}`);
      for (const key of Object.keys(unit)) if (!['requires', 'requires_weak'].includes(key)) log.ignore(`[unit] ${key}`);
      c.source = { at, fields };
      declared.push({ name, at, component: c, needs });
      continue;
    }
    registry = true;
    const tables = Array.isArray(data.service) ? (data.service as Record<string, unknown>[]) : [data];
    // Each table's lines are looked up in its own span of the text (from its [[service]] to the next), once:
    // linear in the file, and a field of one service is never taken from the next one's lines.
    const index = new LineIndex(text);
    const headers = [...text.matchAll(/^[ \t]*\[\[service\]\]/gm)].map((m) => m.index);
    const lineIn = (k: number, pattern: RegExp): number => {
      const [from, to] = headers.length === tables.length && Array.isArray(data.service) ? [headers[k]!, headers[k + 1] ?? text.length] : [0, text.length];
      const m = pattern.exec(text.slice(from, to));
      return index.lineAt(from + (m?.index ?? 0));
    };
    for (const [k, t] of tables.entries()) {
      if (typeof t.name !== 'string') throw new ImportError(file, lineIn(k, /^[ \t]*\[\[service\]\]/m), 1, 'a service needs name = "<name>"');
      const line = lineIn(k, /^[ \t]*name\s*=/m);
      if (t.name === '') throw new ImportError(file, line, 1, 'name = "": a service needs a name');
      const at = `${file}:${line}`;
      const behaviourLine = lineIn(k, /^[ \t]*restart_behavior\s*=/m);
      const c: Component = { name: t.name, kind: 'service', monitor: MONITOR, restart: restartOf(t.restart_behavior, file, behaviourLine) };
      const fields: Record<string, string> = { restart: t.restart_behavior === undefined ? `${at} (no restart_behavior: never)` : `${file}:${behaviourLine}` };
      const needs: Declared['needs'] = [];
      const depLine = lineIn(k, /^[ \t]*depends\s*=/m);
      for (const n of stringList(t.depends, file, depLine, 'depends')) needs.push({ name: n, at: `${file}:${depLine}`, directive: 'depends', weak: false });
      const afterLine = lineIn(k, /^[ \t]*init_after\s*=/m);
      for (const n of stringList(t.init_after, file, afterLine, 'init_after')) needs.push({ name: n, at: `${file}:${afterLine}`, directive: 'init_after', weak: true });
      for (const key of Object.keys(t)) if (!['name', 'command', 'restart_behavior', 'depends', 'init_after'].includes(key)) log.ignore(key);
      c.source = { at, fields };
      declared.push({ name: t.name, at, component: c, needs });
    }
  }
  declared.push(...declareInitUnits(initUnits, declared, log));
  const names = new Set<string>();
  const firstAt = new Map<string, string>();
  for (const d of declared) {
    const first = firstAt.get(d.name);
    if (first !== undefined) {
      const [file, line] = [d.at.slice(0, d.at.lastIndexOf(':')), Number(d.at.slice(d.at.lastIndexOf(':') + 1))];
      throw new ImportError(file, line, line === 0 ? 0 : 1, `service ${JSON.stringify(d.name)}: declared twice (the first is at ${first}); rename or remove one`);
    }
    firstAt.set(d.name, d.at);
    names.add(d.name);
  }
  // The monitor recsim adds takes a name no service has (a registry may well hold a service called servicemonitor).
  let monitor = MONITOR;
  for (let n = 2; names.has(monitor); n++) monitor = `${MONITOR}-${n}`;
  if (monitor !== MONITOR) {
    for (const d of declared) if (d.component.monitor === MONITOR) d.component.monitor = monitor;
    log.warn(MONITOR, firstAt.get(MONITOR)!, `name = "${MONITOR}"`, `a service of the name of the service monitor recsim adds: the monitor is named ${monitor} instead`);
  }
  // A reference names a unit by its file name (`10_net.target`), its stem (`10_net`) or, in the RFC registry and
  // the older units, its bare name (`net`): all resolve to the same component.
  const byKey = new Map<string, string>();
  for (const d of declared) for (const k of d.keys ?? [d.name]) if (!byKey.has(k)) byKey.set(k, d.name);
  const resolve = (ref: string): string | undefined => referenceKeys(ref).map((k) => byKey.get(k)).find((x) => x !== undefined);
  const edges: Edge[] = [];
  for (const d of declared) {
    for (const raw of d.needs) {
      const target = resolve(raw.name);
      const n = target === undefined ? raw : { ...raw, name: target };
      if (target === undefined) {
        log.warn(d.name, n.at, `${n.directive} ${n.name}`, `${n.name} is not among the imported services; the dependency is dropped${n.weak ? '' : ' (Redox would refuse to start this service)'}`);
        continue;
      }
      if (n.weak) {
        log.warn(d.name, n.at, `${raw.directive} ${raw.name}`, n.directive === 'init_after'
          ? 'an ordering at init only; recsim orders it as `depends`, which also stops this service with it (R4)'
          : 'a weak requirement; recsim orders it as `depends`, so a failed weak dependency blocks this service too');
      }
      edges.push({ from: d.name, to: n.name, at: n.at, directive: n.directive });
    }
  }
  const kept = breakCycles(edges, declared.map((d) => d.name), (e, cycle) => log.warn(e.from, e.at, e.directive, `dependency cycle ${cycle.join(' -> ')}: this edge is dropped`));
  const depsOf = new Map<string, Set<string>>();
  for (const e of kept) depsOf.set(e.from, (depsOf.get(e.from) ?? new Set<string>()).add(e.to));
  for (const d of declared) {
    const deps = [...(depsOf.get(d.name) ?? [])];
    if (deps.length > 0) d.component.depends = deps;
  }
  const components = declared.map((d) => d.component);
  const comments = new Map(declared.map((d) => [d.name, `${d.name}: ${d.at}${d.note ? ` (${d.note})` : ''}`]));
  if (registry) {
    // The RFC's service monitor is itself a core service that starts and supervises the registered services (R7).
    components.unshift({ name: monitor, kind: 'monitor', storm_guard: '5s' });
    comments.set(monitor, `${monitor}: the service monitor of the Redox service-and-driver-recovery RFC, which supervises the registered services (R4, R6: storm guard "a few seconds", 5s)`);
  }
  units.unshift(...declared.map((d) => ({ name: d.name, at: d.at, coverage: log.coverageOf(d.name) })));
  if (components.length === 0) throw new ImportError(paths.join(' '), 0, 0, `no Redox unit here (${units.length} files skipped); give init scripts, .service or .target units, or service .toml files`);
  return importResult('redox', {
    name: options.name ?? `Redox services from ${paths.join(', ')}`,
    description: `Imported by recsim import from ${paths.join(', ')}.`,
    duration: options.duration,
    components,
  }, { comments, units, log });
}

/**
 * Units of Redox's init folders as components. init never restarts a unit
 * (redox-os/init src/main.rs ends in a `waitpid` loop that only reaps), so
 * every one is `restart: never`; a target is a synchronisation point with no
 * process. When no unit declares `requires`/`requires_weak` (the init scripts
 * before 2026), init runs the scripts one after another in file-name order
 * (`run.d`: a BTreeMap of the folder's entries, each `run` waited for), so
 * each waits for the one before it.
 */
function declareInitUnits(initUnits: readonly RedoxUnit[], existing: readonly Declared[], log: ImportLog): Declared[] {
  const bare = (stem: string): string => stem.replace(/^\d+_/, '');
  const taken = new Set(existing.map((d) => d.name));
  const counts = new Map<string, number>();
  for (const u of initUnits) counts.set(bare(u.stem), (counts.get(bare(u.stem)) ?? 0) + 1);
  const sequential = initUnits.length > 1 && initUnits.every((u) => u.requires.length + u.requiresWeak.length === 0);
  const ordered = [...initUnits].sort((a, b) => (basename(a.file) < basename(b.file) ? -1 : basename(a.file) > basename(b.file) ? 1 : 0));
  const out: Declared[] = [];
  ordered.forEach((u, i) => {
    // The component is named without the NN_ ordering prefix, unless two units share that name.
    const name = counts.get(bare(u.stem))! > 1 || taken.has(bare(u.stem)) ? u.stem : bare(u.stem);
    const c: Component = { name, kind: 'service', restart: 'never' };
    const fields: Record<string, string> = { restart: `${u.at} (Redox init does not restart units: redox-os/init src/main.rs)` };
    if (u.kind === 'target') {
      c.start_latency = '0s';
      c.stop_latency = '0s';
      fields.restart = `${u.at} (a target: a synchronisation point, no process)`;
    }
    if (u.type === 'oneshot' || u.type === 'oneshot_async') {
      log.warn(name, u.typeAt!, `type = "${u.type}"`, 'a oneshot runs and exits; recsim keeps it running after its start');
    }
    for (const k of u.ignored) log.ignore(k);
    const needs: Declared['needs'] = [
      ...u.requires.map((r) => ({ name: r.name, at: r.at, directive: 'requires', weak: false })),
      ...u.requiresWeak.map((r) => ({ name: r.name, at: r.at, directive: 'requires_weak', weak: true })),
    ];
    if (sequential && i > 0) {
      const before = ordered[i - 1]!;
      needs.push({ name: before.stem, at: `${u.file}:1`, directive: `run.d order (after ${basename(before.file)})`, weak: false });
    }
    c.source = { at: u.at, fields };
    const note = u.kind === 'target' ? 'a target' : u.programs.length > 0 ? `${u.kind} running ${u.programs.join(', ')}` : u.kind;
    out.push({ name, keys: [u.stem, bare(u.stem)], at: u.at, component: c, needs, note });
  });
  return out;
}
