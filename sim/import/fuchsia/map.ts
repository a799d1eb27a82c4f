import { readConfigFile } from '../read-config.js';
import { basename } from 'node:path';
import JSON5 from 'json5';
import { breakCycles, type Edge } from '../graph.js';
import { isPattern, matchesAllowlistEntry } from '../../scenario/realm.js';
import { LineIndex, QuotedValues } from '../text-lines.js';
import { ImportError, ImportLog, type Component, type ImportedUnit, type ImportOptions, type ImportResult } from '../types.js';

/**
 * Fuchsia component manifests (.cml, JSON5) and component_manager's
 * configuration as a scenario. The shutdown order is component_manager's
 * (src/sys/component_manager/src/model/actions/shutdown.rs, DESIGN F8): built
 * once from the declarations of each realm: a child that is offered a
 * capability by a sibling with a strong dependency (`dependency: "strong"`,
 * the default) stops before that sibling; `dependency: "weak"` on the offer,
 * or on the child's `use` of it, does not order shutdown; storage offered from
 * a storage capability backed by a child orders like an offer from that child;
 * a runner (from an offer, or the child's `environment`) is a dependency too;
 * and every child stops before its parent. Those edges become `depends`.
 * `children` give `startup` (lazy children are started at boot here) and
 * `on_terminate: "reboot"` (RFC-0110); component_manager's config gives
 * `reboot_on_terminate_enabled` (F5) and the allowlist
 * `security_policy.child_policy.reboot_on_terminate` (F4). JSON5 is parsed
 * with the json5 package, which reports line and column.
 */

interface Manifest {
  file: string;
  text: string;
  data: Record<string, unknown>;
}

type Obj = Record<string, unknown>;

function readJson5(file: string): { text: string; data: Obj } {
  const text = readConfigFile(file, 'file', 'give .cml files and the component manager config (.json5)');
  try {
    const data: unknown = JSON5.parse(text);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ImportError(file, 1, 1, 'a manifest is an object: { children: [...], offer: [...], ... }');
    return { text, data: data as Obj };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const e = error as { lineNumber?: number; columnNumber?: number; message: string };
    throw new ImportError(file, e.lineNumber ?? 1, e.columnNumber ?? 1, `invalid JSON5: ${e.message.replace(/^JSON5: /, '')}; fix the syntax there`);
  }
}

function lineOf(text: string, pattern: RegExp): number {
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}

const textIndexes = new WeakMap<Manifest, { lines: LineIndex; quoted: QuotedValues }>();

/** The line of `key: "literal"` in a manifest (its first line when absent), from indexes built once per manifest. */
function lineOfValue(m: Manifest, key: string, literal: string): number {
  let index = textIndexes.get(m);
  if (index === undefined) textIndexes.set(m, (index = { lines: new LineIndex(m.text), quoted: new QuotedValues(m.text) }));
  const offset = index.quoted.offsetOf(key, literal);
  return offset < 0 ? 1 : index.lines.lineAt(offset);
}

/**
 * A child's name as CML allows it (docs/reference/components/cml: "a string of one or more of the
 * following characters: a-z, 0-9, _, ., -", at most 1024 characters, cm_types LongName): anything else
 * is no realm cmc would compile, and a slash would make a moniker of two levels.
 */
const CHILD_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,1023}$/;

function arrayOf(value: unknown): Obj[] {
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Obj[]) : [];
}

function listOf(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The capability names an offer or use carries, by capability kind. */
function capabilityNames(decl: Obj): string[] {
  const out: string[] = [];
  for (const kind of ['protocol', 'directory', 'service', 'storage', 'runner', 'resolver', 'config', 'dictionary', 'event_stream']) {
    const names = listOf(decl[kind]);
    const as = typeof decl.as === 'string' && names.length === 1 ? [decl.as] : names;
    out.push(...as);
  }
  return out;
}

/** `fuchsia-pkg://fuchsia.com/netstack#meta/netstack.cm` -> `netstack`. */
function manifestKey(url: string): string {
  const meta = /#meta\/([^/]+)\.cm$/.exec(url);
  return meta ? meta[1]! : basename(url).replace(/\.cml?$/, '');
}

export function importFuchsia(paths: readonly string[], options: ImportOptions): ImportResult {
  if (paths.length === 0) throw new ImportError('recsim import fuchsia', 0, 0, 'give .cml files (the root first) and optionally the component manager config (.json5)');
  const log = new ImportLog();
  const manifests = new Map<string, Manifest>();
  let config: { file: string; text: string; data: Obj } | undefined;
  let root: Manifest | undefined;
  for (const file of paths) {
    const { text, data } = readJson5(file);
    if (file.endsWith('.cml')) {
      const m = { file, text, data };
      manifests.set(basename(file, '.cml'), m);
      root ??= m;
    } else config = { file, text, data };
  }
  if (!root) throw new ImportError(paths.join(' '), 0, 0, 'no .cml file; give the root realm\'s manifest first');

  const rebootEnabled = config?.data.reboot_on_terminate_enabled;
  const policy = ((config?.data.security_policy as Obj | undefined)?.child_policy as Obj | undefined)?.reboot_on_terminate;
  const allowlistAsWritten = listOf(policy);
  const components: Component[] = [];
  const comments = new Map<string, string>();
  const units: ImportedUnit[] = [];
  const edges: Edge[] = [];
  const authorized = new Set<string>();
  const visited = new Set<Manifest>();
  const monikers = new Set<string>();

  // A generator per realm, driven by an explicit stack below: a realm 3,000 levels deep must not overflow the
  // call stack. Each yields the manifest of a child to walk next, in the order the recursive walk had.
  function* walk(m: Manifest, moniker: string): Generator<[Manifest, string]> {
    if (visited.has(m)) throw new ImportError(m.file, 1, 1, `the manifest is its own ancestor at ${moniker}; a realm cannot contain itself`);
    visited.add(m);
    const children = arrayOf(m.data.children);
    const childMoniker = (name: string): string => `${moniker === '/' ? '' : moniker}/${name}`;
    const childNames = new Set(children.map((c) => String(c.name)));
    const collections = new Map(arrayOf(m.data.collections).map((c) => [String(c.name), c]));
    // Storage capabilities backed by a child: offering them orders like an offer from that child.
    const storageFrom = new Map<string, string>();
    for (const cap of arrayOf(m.data.capabilities)) {
      if (typeof cap.storage === 'string' && typeof cap.from === 'string' && cap.from.startsWith('#')) storageFrom.set(cap.storage, cap.from.slice(1));
    }
    const environments = new Map<string, string[]>();
    for (const env of arrayOf(m.data.environments)) {
      environments.set(String(env.name), arrayOf(env.runners).map((r) => String(r.from ?? '')).filter((f) => f.startsWith('#')).map((f) => f.slice(1)));
    }
    for (const [name, coll] of collections) {
      const line = lineOfValue(m, 'name', name);
      log.warn(moniker, `${m.file}:${line}`, `collection ${name} (durability: ${String(coll.durability ?? 'transient')})`,
        'dynamic children are created at run time; none are imported (add components with `collection: { parent, durability }` to model them: F2, F3)');
    }
    // Weak uses in each child's own manifest: those capabilities do not order shutdown.
    const weakUses = new Map<string, Set<string>>();
    for (const child of children) {
      const sub = manifests.get(manifestKey(String(child.url ?? '')));
      const weak = new Set<string>();
      for (const use of arrayOf(sub?.data.use)) if (use.dependency === 'weak' || use.dependency === 'weak_for_migration') for (const n of capabilityNames(use)) weak.add(n);
      weakUses.set(String(child.name), weak);
    }
    for (const offer of arrayOf(m.data.offer)) {
      const from = String(offer.from ?? '');
      const names = capabilityNames(offer);
      const line = lineOfValue(m, '(protocol|directory|service|storage|runner|resolver)', names[0] ?? '');
      const at = `${m.file}:${line}`;
      let provider: string | undefined;
      if (from.startsWith('#') && childNames.has(from.slice(1))) provider = from.slice(1);
      else if (from === 'self' && typeof offer.storage === 'string') provider = storageFrom.get(offer.storage);
      if (provider === undefined) continue; // from parent, self, framework, void: the parent outlives its children anyway
      if (offer.dependency === 'weak' || offer.dependency === 'weak_for_migration') continue; // F8: weak offers do not order shutdown
      for (const target of listOf(offer.to)) {
        const to = target.replace(/^#/, '');
        if (collections.has(to)) continue;
        if (!childNames.has(to)) continue;
        if (names.every((n) => weakUses.get(to)?.has(n))) continue;
        edges.push({ from: childMoniker(to), to: childMoniker(provider), at, directive: `offer ${names.join(', ')} from ${from}` });
      }
    }
    for (const child of children) {
      const name = String(child.name);
      const cm = childMoniker(name);
      const line = lineOfValue(m, 'name', name);
      const at = `${m.file}:${line}`;
      if (!CHILD_NAME.test(name)) {
        throw new ImportError(m.file, line, 1, `child name ${JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}...` : name)}: write 1 to 1024 of a-z, A-Z, 0-9, _, . and - (CML child names)`);
      }
      if (monikers.has(cm)) throw new ImportError(m.file, line, 1, `child "${name}": declared twice in this realm; rename one`);
      const sub = manifests.get(manifestKey(String(child.url ?? '')));
      const c: Component = { name: cm, kind: /power[-_]manager/.test(name) ? 'power-manager' : 'service' };
      const fields: Record<string, string> = { restart: `${at} (component_manager starts a component again on its next use: modelled as never restarted)` };
      // A child stops before its parent; not the power manager, which the shutdown keeps for last (F7, F8).
      if (moniker !== '/' && c.kind !== 'power-manager') c.depends = [moniker];
      if (child.startup !== 'eager') {
        log.warn(cm, at, `startup: ${String(child.startup ?? 'lazy')}`, 'a lazy child starts on first use; recsim starts every component at boot');
      }
      if (child.on_terminate === 'reboot') {
        c.on_terminate = 'reboot';
        // The on_terminate line of this child's declaration: the first one after its name.
        const from = line > 1 ? m.text.split('\n').slice(0, line - 1).join('\n').length + 1 : 0;
        fields.on_terminate = `${m.file}:${line - 1 + lineOf(m.text.slice(from), /on_terminate\s*:\s*["']reboot["']/)}`;
        authorized.add(moniker === '/' ? '/' : moniker);
      }
      const env = typeof child.environment === 'string' ? environments.get(child.environment.replace(/^#/, '')) ?? [] : [];
      for (const runner of env) if (childNames.has(runner)) edges.push({ from: cm, to: childMoniker(runner), at, directive: `environment ${String(child.environment)} runner from #${runner}` });
      const program = sub?.data.program as Obj | undefined;
      if (program?.main_process_critical === 'true' || program?.main_process_critical === true) {
        c.main_process_critical = true;
        fields.critical = `${sub!.file}:${lineOf(sub!.text, /main_process_critical/)}`;
      }
      if (!sub) log.warn(cm, at, `url ${String(child.url)}`, 'its manifest is not among the inputs: modelled as a component with no children and no dependencies of its own');
      c.source = { at, fields };
      monikers.add(cm);
      components.push(c);
      comments.set(cm, `${cm}: ${at}${sub ? ` (manifest ${sub.file})` : ''}`);
      units.push({ name: cm, at, coverage: 'full' });
      if (sub) yield [sub, cm];
    }
  }
  const realms = [walk(root, '/')];
  while (realms.length > 0) {
    const next = realms.at(-1)!.next();
    if (next.done) realms.pop();
    else realms.push(walk(...next.value));
  }
  if (components.length === 0) throw new ImportError(root.file, 0, 0, 'no children: the realm declares no component to import; give the manifest of a realm with `children`');
  for (const [key, m] of manifests) if (!visited.has(m)) units.push({ name: key, at: `${m.file}:1`, coverage: 'skipped', why: 'no child in the imported realms uses this manifest' });
  const kept = breakCycles(edges, components.map((c) => c.name), (e, cycle) => log.warn(e.from, e.at, e.directive, `dependency cycle ${cycle.join(' -> ')}: dropped (component_manager rejects such a realm, F12)`));
  // Edges by the component that waits, and each realm's components found by binary search in the sorted monikers
  // (all names under `/a/` sit together in sorted order), in declaration order: linear-ish, not components × edges.
  const keptFrom = new Map<string, Edge[]>();
  for (const e of kept) keptFrom.set(e.from, [...(keptFrom.get(e.from) ?? []), e]);
  const order = new Map(components.map((c, i) => [c.name, i]));
  const sorted = [...order.keys()].sort();
  const inRealm = (realm: string): string[] => {
    const prefix = `${realm}/`;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
    return found.sort((x, y) => order.get(x)! - order.get(y)!);
  };
  for (const c of components) {
    // `depends` may also hold a quorum object (sim/scenario/quorum.ts); the importer writes names only.
    const deps = new Set(Array.isArray(c.depends) ? c.depends : c.depends === undefined ? [] : [c.depends]);
    // A realm's shutdown stops its children first, so whoever waits for the realm waits for all of it.
    for (const e of keptFrom.get(c.name) ?? []) {
      deps.add(e.to);
      for (const other of inRealm(e.to)) if (!c.name.startsWith(`${other}/`)) deps.add(other);
    }
    if (deps.size > 0) c.depends = [...deps];
  }
  for (const u of units) if (u.coverage !== 'skipped') u.coverage = log.coverageOf(u.name);
  const system: NonNullable<ImportResult['scenario']['system']> = {};
  // A real allowlist names monikers of the whole system; only those of the imported realm can be checked by a scenario.
  const policyLine = config ? lineOf(config.text, /reboot_on_terminate\s*:/) : 0;
  const allowlist = allowlistAsWritten.filter((entry) => {
    const matches = isPattern(entry) ? components.some((c) => matchesAllowlistEntry(c.name, entry)) : monikers.has(entry);
    if (!matches) log.warn('/', `${config!.file}:${policyLine}`, `reboot_on_terminate allowlist ${entry}`, 'names no component of the imported realm: left out of the scenario\'s allowlist');
    return matches;
  });
  if (rebootEnabled !== undefined || allowlistAsWritten.length > 0 || authorized.size > 0) {
    system.reboot_on_terminate = {
      enabled: rebootEnabled === undefined ? true : rebootEnabled === true,
      allowlist,
      // The manifests compiled, so cmc's restricted-feature check let these realms use on_terminate.
      authorized_realms: [...authorized],
    };
  }
  return {
    format: 'fuchsia',
    scenario: {
      name: options.name ?? `Fuchsia realm from ${root.file}`,
      description: `Imported by recsim import from ${paths.join(', ')}; shutdown order from component_manager's rules (strong offers, storage, runners, children before parents).`,
      duration: options.duration,
      ...(Object.keys(system).length > 0 ? { system } : {}),
      components,
    },
    comments,
    units,
    warnings: log.warnings,
    ignored: log.ignored,
  };
}
