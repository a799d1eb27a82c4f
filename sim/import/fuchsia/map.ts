import { existsSync } from 'node:fs';
import { readConfigFile } from '../read-config.js';
import { basename, join } from 'node:path';
import JSON5 from 'json5';
import { breakCycles, type Edge } from '../graph.js';
import { durationText } from '../systemd/parse.js';
import { expandFolders } from '../inputs.js';
import { ImportError, ImportLog, importResult, type Component, type ImportedUnit, type ImportOptions, type ImportResult } from '../types.js';

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

/** Where a declaration merged from an `include:` shard was written, for citations. */
const origins = new WeakMap<object, { file: string; text: string }>();

/** The manifest keys whose lists cmc concatenates when it merges an `include:` shard (tools/cmc, cml merge_from()). */
const MERGED_LISTS = ['children', 'collections', 'offer', 'use', 'expose', 'capabilities', 'environments'];

/**
 * cmc's `include:` (tools/cmc/src/include.rs): each shard's lists are merged
 * into the manifest. `//path` names a file from the source root and other
 * paths one under an include path (cmc --includepath, --includeroot); recsim
 * looks for both under each `--include-path` folder. A shard not found is
 * reported with its path, so its children and offers are not lost silently.
 */
function mergeIncludes(m: { file: string; text: string; data: Obj }, includePaths: readonly string[], warn: (at: string, shard: string, why: string) => void, seen = new Set<string>()): void {
  for (const shard of listOf(m.data.include)) {
    const at = `${m.file}:${lineOf(m.text, new RegExp(`["']${escape(shard)}["']`))}`;
    const rel = shard.replace(/^\/\//, '');
    const found = includePaths.map((dir) => join(dir, rel)).find((p) => existsSync(p));
    if (found === undefined) {
      warn(at, shard, includePaths.length === 0
        ? 'an include shard: its children, offers and uses are not imported; give the folder it resolves against with --include-path (the source root for //paths)'
        : `not found under ${includePaths.join(', ')}: its children, offers and uses are not imported`);
      continue;
    }
    if (seen.has(found)) continue;
    seen.add(found);
    const shardManifest = readJson5(found);
    const sub = { file: found, ...shardManifest };
    for (const key of MERGED_LISTS) for (const decl of arrayOf(sub.data[key])) if (!origins.has(decl)) origins.set(decl, { file: found, text: sub.text });
    mergeIncludes(sub, includePaths, warn, seen);
    for (const key of MERGED_LISTS) {
      const add = arrayOf(sub.data[key]);
      if (add.length > 0) m.data[key] = [...arrayOf(m.data[key]), ...add];
    }
  }
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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A child's name as CML allows it (docs/reference/components/cml: "a string of one or more of the
 * following characters: a-z, 0-9, _, ., -", at most 1024 characters, cm_types LongName): anything else
 * is no realm cmc would compile, and a slash would make a moniker of two levels.
 */
const CHILD_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,1023}$/;

/** Realms nest a handful of levels in a real system; far deeper is no system to model (and would exhaust the walk's stack). */
const MAX_REALM_DEPTH = 5000;

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
  for (const file of expandFolders(paths, (name) => name.endsWith('.cml') || name.endsWith('.json5'))) {
    const { text, data } = readJson5(file);
    if (file.endsWith('.cml')) {
      const m = { file, text, data };
      mergeIncludes(m, options.includePaths ?? [], (at, shard, why) => log.warn(basename(file, '.cml'), at, `include ${shard}`, why));
      if (file.endsWith('.shard.cml')) continue; // a shard is merged into the manifests that include it, never a component of its own
      manifests.set(basename(file, '.cml'), m);
      root ??= m;
    } else config = { file, text, data };
  }
  if (!root) {
    const shards = paths.filter((p) => p.endsWith('.shard.cml'));
    throw new ImportError(paths.join(' '), 0, 0, shards.length > 0
      ? 'an include shard is not a manifest of its own: give the manifest that includes it (with --include-path to resolve it)'
      : 'no .cml file; give the root realm\'s manifest first');
  }

  // The root: the manifest no other input names as a child (root.cml, else the first given, when several qualify).
  const childKeys = new Set([...manifests.values()].flatMap((m) => arrayOf(m.data.children).map((c) => manifestKey(String(c.url ?? '')))));
  const roots = [...manifests.entries()].filter(([key]) => !childKeys.has(key));
  root = (roots.find(([key]) => key === 'root') ?? roots[0])?.[1] ?? root;

  const rebootEnabled = config?.data.reboot_on_terminate_enabled;
  const securityPolicy = config?.data.security_policy as Obj | undefined;
  const policy = (securityPolicy?.child_policy as Obj | undefined)?.reboot_on_terminate;
  const policyGiven = config !== undefined && policy !== undefined;
  const allowlist = listOf(policy);
  // security_policy.job_policy.main_process_critical: the monikers allowed to set `main_process_critical` (policy.rs, ScopedPolicyChecker::main_process_critical_allowed()).
  const criticalPolicy = (securityPolicy?.job_policy as Obj | undefined)?.main_process_critical;
  const criticalAllowed = criticalPolicy === undefined ? undefined : new Set(listOf(criticalPolicy));
  const components: Component[] = [];
  const comments = new Map<string, string>();
  const units: ImportedUnit[] = [];
  const edges: Edge[] = [];
  const authorized = new Set<string>();
  const rebootChildren: { moniker: string; at: string }[] = [];
  const visited = new Set<Manifest>();
  /** Monikers of realms whose manifest has no `program`: they hold children but run no process. */
  const realms = new Set<string>();

  /** file:line of a declaration, in the shard it was merged from when it was. */
  const citeIn = (m: Manifest, decl: Obj, pattern: RegExp): { file: string; line: number; at: string } => {
    const o = origins.get(decl) ?? { file: m.file, text: m.text };
    const line = lineOf(o.text, pattern);
    return { file: o.file, line, at: `${o.file}:${line}` };
  };

  /**
   * `moniker` is the realm being walked; `owner` the nearest ancestor that is
   * a process (a component), which its children stop before; `stopTimeout`
   * the environment's `__stop_timeout_ms` they inherit.
   */
  type Visit = [m: Manifest, moniker: string, owner: string | undefined, stopTimeout: { ms: number; at: string } | undefined];
  // A generator per realm, driven by an explicit stack (walkAll): a realm thousands of levels deep must not
  // overflow the call stack. Each yields a child realm to walk next, in the order a recursive walk takes.
  function* walk(m: Manifest, moniker: string, owner: string | undefined, stopTimeout: { ms: number; at: string } | undefined): Generator<Visit> {
    if (visited.has(m)) throw new ImportError(m.file, 1, 1, `the manifest is its own ancestor at ${moniker}; a realm cannot contain itself`);
    visited.add(m);
    const depth = moniker === '/' ? 0 : moniker.split('/').length - 1;
    if (depth > MAX_REALM_DEPTH) throw new ImportError(m.file, 1, 1, `realms nest more than ${MAX_REALM_DEPTH} levels deep at ${moniker.slice(0, 80)}...: no system nests that deep; give the manifests of a real realm`);
    const children = arrayOf(m.data.children);
    const seenNames = new Set<string>();
    for (const c of children) {
      const name = String(c.name);
      if (!CHILD_NAME.test(name)) {
        throw new ImportError(m.file, lineOf(m.text, /children\s*:/), 1, `child name ${JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}...` : name)}: write 1 to 1024 of a-z, A-Z, 0-9, _, . and - (CML child names)`);
      }
      if (seenNames.has(name)) throw new ImportError(m.file, lineOf(m.text, new RegExp(`name\\s*:\\s*["']${escape(name)}["'][^]*name\\s*:\\s*["']${escape(name)}["']`)), 1, `child "${name}": declared twice in this realm; rename one`);
      seenNames.add(name);
    }
    const childMoniker = (name: string): string => `${moniker === '/' ? '' : moniker}/${name}`;
    const childNames = new Set(children.map((c) => String(c.name)));
    const collections = new Map(arrayOf(m.data.collections).map((c) => [String(c.name), c]));
    // Storage capabilities backed by a child: offering them orders like an offer from that child.
    const storageFrom = new Map<string, string>();
    for (const cap of arrayOf(m.data.capabilities)) {
      if (typeof cap.storage === 'string' && typeof cap.from === 'string' && cap.from.startsWith('#')) storageFrom.set(cap.storage, cap.from.slice(1));
    }
    const environments = new Map<string, { runners: string[]; stop?: { ms: number; at: string } }>();
    for (const env of arrayOf(m.data.environments)) {
      const runners = arrayOf(env.runners).map((r) => String(r.from ?? '')).filter((f) => f.startsWith('#')).map((f) => f.slice(1));
      // environment.rs: an environment's __stop_timeout_ms is how long component_manager waits for a component in it to stop before killing it.
      const ms = env.__stop_timeout_ms;
      const stop = typeof ms === 'number' && ms > 0 ? { ms, at: citeIn(m, env, /__stop_timeout_ms/).at } : undefined;
      environments.set(String(env.name), stop ? { runners, stop } : { runners });
    }
    for (const [name, coll] of collections) {
      const { at } = citeIn(m, coll, new RegExp(`name\\s*:\\s*["']${escape(name)}["']`));
      log.warn(moniker, at, `collection ${name} (durability: ${String(coll.durability ?? 'transient')})`,
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
      const { at } = citeIn(m, offer, new RegExp(`["']?(protocol|directory|service|storage|runner|resolver)["']?\\s*:\\s*[\\[]?\\s*["']${escape((names[0] ?? '').slice(0, 256))}["']`));
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
      const { file: childFile, line, at } = citeIn(m, child, new RegExp(`name\\s*:\\s*["']${escape(name)}["']`));
      const sub = manifests.get(manifestKey(String(child.url ?? '')));
      const env = typeof child.environment === 'string' ? environments.get(child.environment.replace(/^#/, '')) : undefined;
      const childStop = env?.stop ?? stopTimeout;
      for (const runner of env?.runners ?? []) if (childNames.has(runner)) edges.push({ from: cm, to: childMoniker(runner), at, directive: `environment ${String(child.environment)} runner from #${runner}` });
      if (child.on_terminate === 'reboot') {
        const text = (origins.get(child) ?? m).text;
        const from = line > 1 ? text.split('\n').slice(0, line - 1).join('\n').length + 1 : 0;
        const onTerminateAt = `${childFile}:${line - 1 + lineOf(text.slice(from), /on_terminate\s*:\s*["']reboot["']/)}`;
        rebootChildren.push({ moniker: cm, at: onTerminateAt });
        authorized.add(moniker === '/' ? '/' : moniker);
      }
      if (sub && sub.data.program === undefined && arrayOf(sub.data.children).length + arrayOf(sub.data.collections).length > 0) {
        // A realm with no program (core.cml: "Non-executable realm"): component_manager runs no process for it, so nothing
        // of it crashes or restarts; its children order against its own parent (shutdown.rs: children stop first).
        realms.add(cm);
        units.push({ name: cm, at, coverage: 'full' });
        comments.set(cm, `${cm}: ${at} (a realm with no program: not a process)`);
        if (child.on_terminate === 'reboot') {
          log.warn(cm, rebootChildren.at(-1)!.at, 'on_terminate: reboot', 'a realm with no program never terminates on its own: only its stop would reboot, and recsim models no realm stop');
        }
        yield [sub, cm, owner, childStop];
        continue;
      }
      const c: Component = { name: cm, kind: /power[-_]manager/.test(name) ? 'power-manager' : 'service' };
      const fields: Record<string, string> = { restart: `${at} (component_manager starts a component again on its next use: modelled as never restarted)` };
      // A child stops before its parent; not the power manager, which the shutdown keeps for last (F7, F8).
      if (owner !== undefined && c.kind !== 'power-manager') c.depends = [owner];
      if (child.startup !== 'eager') {
        log.warn(cm, at, `startup: ${String(child.startup ?? 'lazy')}`, 'a lazy child starts on first use; recsim starts every component at boot');
      }
      if (child.on_terminate === 'reboot') {
        c.on_terminate = 'reboot';
        fields.on_terminate = rebootChildren.at(-1)!.at;
      }
      if (childStop) {
        c.stop_timeout = durationText(childStop.ms * 1000);
        fields.stop_timeout = childStop.at;
      }
      const program = sub?.data.program as Obj | undefined;
      if (program?.main_process_critical === 'true' || program?.main_process_critical === true) {
        const criticalAt = `${sub!.file}:${lineOf(sub!.text, /main_process_critical/)}`;
        if (criticalAllowed !== undefined && !criticalAllowed.has(cm)) {
          log.warn(cm, criticalAt, 'main_process_critical', `not in the policy's job_policy.main_process_critical (${config!.file}): component_manager's ELF runner refuses it, so it is left out`);
        } else {
          c.main_process_critical = true;
          fields.critical = criticalAt;
        }
      }
      if (!sub) log.warn(cm, at, `url ${String(child.url)}`, 'its manifest is not among the inputs: modelled as a component with no children and no dependencies of its own');
      c.source = { at, fields };
      components.push(c);
      comments.set(cm, `${cm}: ${at}${sub ? ` (manifest ${sub.file})` : ''}`);
      units.push({ name: cm, at, coverage: 'full' });
      if (sub) yield [sub, cm, cm, childStop];
    }
  }
  if (arrayOf(root.data.children).length === 0 && arrayOf(root.data.collections).length === 0) {
    // A leaf manifest alone: the one component it declares, named after its file.
    const name = `/${basename(root.file, '.cml')}`;
    const at = `${root.file}:1`;
    if (root.data.program === undefined) throw new ImportError(root.file, 1, 1, 'neither `children` nor a `program`: nothing here runs; give the realm manifests (the root first) that declare components');
    const program = root.data.program as Obj;
    const c: Component = { name, kind: 'service', source: { at, fields: { restart: `${at} (component_manager starts a component again on its next use: modelled as never restarted)` } } };
    if (program.main_process_critical === 'true' || program.main_process_critical === true) c.main_process_critical = true;
    log.warn(name, at, 'program', 'a single component manifest: imported as one component; give its parent realm\'s manifest to model how it is started, offered and stopped');
    components.push(c);
    comments.set(name, `${name}: ${at} (a leaf manifest imported alone)`);
    units.push({ name, at, coverage: 'partial' });
    visited.add(root);
  } else {
    const stack = [walk(root, '/', undefined, undefined)];
    while (stack.length > 0) {
      const next = stack.at(-1)!.next();
      if (next.done) stack.pop();
      else stack.push(walk(...next.value));
    }
  }
  for (const [key, m] of manifests) if (!visited.has(m)) units.push({ name: key, at: `${m.file}:1`, coverage: 'skipped', why: 'no child in the imported realms uses this manifest' });
  const names = new Set(components.map((c) => c.name));
  const under = (moniker: string): string[] => components.map((c) => c.name).filter((n) => n === moniker || n.startsWith(`${moniker}/`));
  const kept = breakCycles(edges, [...names, ...realms], (e, cycle) => log.warn(e.from, e.at, e.directive, `dependency cycle ${cycle.join(' -> ')}: dropped (component_manager rejects such a realm, F12)`));
  for (const c of components) {
    // `depends` may also hold a quorum object (sim/scenario/quorum.ts); the importer writes names only.
    const deps = new Set(Array.isArray(c.depends) ? c.depends : c.depends === undefined ? [] : [c.depends]);
    // A realm's shutdown stops its children first, so whoever waits for the realm waits for all of it; what a realm
    // waits for, every component in it waits for.
    for (const e of kept) {
      if (!(e.from === c.name || (realms.has(e.from) && c.name.startsWith(`${e.from}/`)))) continue;
      for (const other of under(e.to)) if (!c.name.startsWith(`${other}/`) && other !== c.name) deps.add(other);
    }
    if (deps.size > 0) c.depends = [...deps];
  }
  for (const u of units) if (u.coverage !== 'skipped') u.coverage = log.coverageOf(u.name) === 'partial' ? 'partial' : u.coverage;

  // F4 (child_policy.reboot_on_terminate): the policy's allowlist, kept to the monikers imported (an allowlist names the
  // whole product's components; validation refuses a moniker the scenario does not have), the rest reported.
  const rebootMonikers = rebootChildren.filter((r) => names.has(r.moniker));
  let kept_allowlist: string[] = [];
  if (policyGiven) {
    kept_allowlist = allowlist.filter((m) => names.has(m));
    const dropped = allowlist.filter((m) => !names.has(m));
    if (dropped.length > 0) {
      log.warn('security_policy', `${config!.file}:${lineOf(config!.text, /reboot_on_terminate/)}`, `child_policy.reboot_on_terminate (${dropped.length} of ${allowlist.length})`,
        `not among the imported components, left out: ${dropped.join(', ')}`);
    }
    for (const r of rebootMonikers) {
      if (!kept_allowlist.includes(r.moniker)) {
        log.warn(r.moniker, r.at, 'on_terminate: reboot', `not in the policy's reboot_on_terminate allowlist (${config!.file}): component_manager refuses to start it (F4), and whatever needs it never starts`);
      }
    }
  } else if (rebootMonikers.length > 0) {
    // No policy among the inputs: assume the product's policy allows what its manifests ask for, and say so.
    kept_allowlist = rebootMonikers.map((r) => r.moniker);
    for (const r of rebootMonikers) {
      log.warn(r.moniker, r.at, 'on_terminate: reboot', 'no component_manager policy among the inputs: assumed to be in child_policy.reboot_on_terminate (without it component_manager refuses to start it, F4); give the policy file to check');
    }
  }
  const system: NonNullable<ImportResult['scenario']['system']> = {};
  if (rebootEnabled !== undefined || kept_allowlist.length > 0 || authorized.size > 0) {
    system.reboot_on_terminate = {
      enabled: rebootEnabled === undefined ? true : rebootEnabled === true,
      allowlist: kept_allowlist,
      // The manifests compiled, so cmc's restricted-feature check let these realms use on_terminate.
      authorized_realms: [...authorized],
    };
  }
  if (components.length === 0) throw new ImportError(root.file, 1, 1, 'no component with a program here (only realms); give the manifests of the children the realms declare');
  return importResult('fuchsia', {
    name: options.name ?? `Fuchsia realm from ${root.file}`,
    description: `Imported by recsim import from ${paths.join(', ')}; shutdown order from component_manager's rules (strong offers, storage, runners, children before parents).`,
    duration: options.duration,
    system: Object.keys(system).length > 0 ? system : undefined,
    components,
  }, { comments, units, log });
}
