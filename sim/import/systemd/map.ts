import { ImportError, ImportLog, importResult, type Component, type ImportedUnit, type ImportOptions, type ImportResult } from '../types.js';
import { breakCycles, type Edge } from '../graph.js';
import { Directives, isCondition, MAPPED, NOT_MODELLED, PULLS } from './directives.js';
import { basename } from 'node:path';
import { isUnitName, unitType, UnitTree, type UnitDecl } from './load.js';
import { atOf, durationText, parseTimeSpanUs } from './parse.js';
import { readShowFile } from './show.js';

/**
 * Turns systemd units into a scenario. What systemd starts at boot is the
 * transaction of the default target: every unit it pulls in through
 * Requires=, Wants=, BindsTo=, Upholds= and `.wants/`/`.requires/` folders,
 * with the default dependencies of systemd.service(5), systemd.socket(5),
 * systemd.timer(5), systemd.path(5) and systemd.target(5) "Default
 * Dependencies" (src/core/service.c service_add_default_dependencies(),
 * src/core/target.c target_add_default_dependencies()). recsim starts every
 * component at boot, so only those units become components; the others are
 * reported as skipped. Ordering (After=/Before=, not Requires=) becomes
 * `depends`: recsim's depends orders the start and, reversed, the shutdown,
 * as systemd.unit(5) says of After=/Before= ("the reverse is applied at shutdown").
 *
 * Defaults where a unit is silent (systemd-system.conf(5) and
 * systemd.service(5)): DefaultRestartSec=100ms, DefaultStartLimitIntervalSec=10s,
 * DefaultStartLimitBurst=5, DefaultTimeoutStopSec=90s, Restart=no.
 */

export const SYSTEMD_DEFAULTS = {
  restartSec: '100ms',
  startLimitIntervalUs: 10e6,
  startLimitBurst: 5,
  timeoutStopUs: 90e6,
} as const;

const SYSTEM_ACTIONS = new Set(['none', 'reboot', 'reboot-force', 'reboot-immediate']);
const RESTART_VALUES = new Set(['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always']);
/** Units recsim never models: the kernel's devices, cgroup slices and scopes have no process to recover. */
const NOT_PROCESSES = new Set(['device', 'slice', 'scope']);

interface Loaded {
  decl: UnitDecl;
  d: Directives;
  /** Not in the boot transaction: imported as `start: on-demand` (an OnFailure= handler, a unit started by hand or by another unit). */
  onDemand?: boolean;
}

export function importSystemdUnits(roots: readonly string[], options: ImportOptions): ImportResult {
  if (roots.length === 0) throw new ImportError('recsim import systemd', 0, 0, 'give at least one folder of unit files, e.g. /usr/lib/systemd/system');
  const tree = new UnitTree(roots);
  const log = new ImportLog();
  const skippedTemplates: ImportedUnit[] = [];
  const starts = bootStartUnits(tree, roots, options.target, log);
  const startedFrom = starts.join(', ');
  for (const t of tree.templates) {
    // Not a unit systemd reads: the build substitutes its @...@ placeholders (or runs m4) to make one.
    log.ignore('build templates (.in, .m4)');
    skippedTemplates.push({ name: basename(t.path), at: t.path, coverage: 'skipped', why: `a build template: systemd's build turns it into ${t.unit} (units/meson.build); import the built unit folder (e.g. /usr/lib/systemd/system) to model it` });
  }
  for (const l of tree.skippedLines) log.warn(basename(l.file), `${l.file}:${l.line}`, JSON.stringify(l.text), l.why);
  const loaded = new Map<string, Loaded>();
  const queue: string[] = [...starts];
  const pulledBy = new Map<string, string>();
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (loaded.has(name)) continue;
    const outcome = tree.load(name);
    if (outcome.kind !== 'unit') continue;
    const unit: Loaded = { decl: outcome.unit, d: new Directives(outcome.unit.assignments) };
    loaded.set(outcome.unit.name, unit);
    for (const ref of pulls(unit)) {
      const target = tree.canonical(ref.word);
      const found = tree.load(target);
      if (NOT_PROCESSES.has(unitType(target))) {
        if (unitType(target) === 'device') log.warn(unit.decl.name, ref.at, `${ref.directive}=${ref.word}`, 'device units are the kernel\'s: assumed present, never lost (a BindsTo= on one never stops this unit)');
        continue;
      }
      if (found.kind === 'not-found') {
        log.warn(unit.decl.name, ref.at, ref.directive, `${ref.word}: no unit file in the inputs (systemd would show it not-found); not started`);
      } else if (found.kind === 'masked') {
        log.warn(unit.decl.name, ref.at, ref.directive, `${ref.word} is masked (${found.at} -> /dev/null); not started`);
      } else if (!loaded.has(found.unit.name)) {
        if (!pulledBy.has(found.unit.name)) pulledBy.set(found.unit.name, unit.decl.name);
        queue.push(found.unit.name);
      }
    }
  }

  addOnDemandUnits(tree, loaded);
  const units: ImportedUnit[] = [];
  for (const name of tree.names()) {
    const canonical = tree.canonical(name);
    if (canonical !== name) {
      units.push({ name, at: name, coverage: 'skipped', why: `an alias of ${canonical}` });
      continue;
    }
    if (loaded.has(name)) continue;
    const outcome = tree.load(name);
    if (outcome.kind === 'masked') units.push({ name, at: outcome.at, coverage: 'skipped', why: 'masked (a symlink to /dev/null)' });
    else if (outcome.kind === 'unit') {
      const at = `${outcome.unit.file}:1`;
      const why = /@\./.test(name) ? 'a template: only its instances (e.g. from a .wants/ folder) start'
        : NOT_PROCESSES.has(outcome.unit.type) ? `a ${outcome.unit.type} unit has no process to recover`
        : `not pulled in by ${startedFrom}: not started at boot`;
      units.push({ name, at, coverage: 'skipped', why });
    }
  }
  units.push(...skippedTemplates);
  return build([...loaded.values()], units, log, options, `systemd units from ${roots.join(', ')} (boot target ${startedFrom})`, false);
}

/**
 * The units the boot transaction starts from. systemd starts default.target
 * (systemd.special(7)); `--target` names another. A folder without
 * default.target (systemd's own source `units/`, a vendor's folder) boots from
 * multi-user.target, the default most distributions link default.target to,
 * with a warning; with neither, the targets found are listed so the user can
 * pick one; with no target at all (a single unit file, a vendor's units), each
 * unit given is started, as `systemctl start` of each would.
 */
function bootStartUnits(tree: UnitTree, roots: readonly string[], target: string | undefined, log: ImportLog): string[] {
  const loads = (name: string): boolean => tree.load(name).kind === 'unit';
  if (target !== undefined) {
    const first = tree.load(target);
    if (first.kind !== 'unit') throw new ImportError(roots.join(' '), 0, 0, `${target} ${first.kind === 'masked' ? 'is masked' : 'is not there'}; name the unit the boot starts from with --target, e.g. --target multi-user.target`);
    return [first.unit.name];
  }
  if (loads('default.target')) return [tree.canonical('default.target')];
  if (loads('multi-user.target')) {
    log.warn('multi-user.target', roots.join(' '), 'default.target', 'not among the inputs: the boot starts from multi-user.target, where distributions point default.target (systemd.special(7)); name another with --target');
    return ['multi-user.target'];
  }
  const units = tree.names().filter((n) => tree.canonical(n) === n && tree.load(n).kind === 'unit' && !/@\./.test(n) && !NOT_PROCESSES.has(unitType(n)));
  if (tree.givenFiles.length === roots.length && units.length > 0) {
    // Only unit files were named: the boot starts them, as `systemctl start <units>` would.
    log.warn(units[0]!, roots.join(' '), 'default.target', `unit files given alone: the boot starts ${units.join(', ')} (as \`systemctl start\` of each); give the folder of the boot's targets (e.g. /usr/lib/systemd/system) to model the real boot`);
    return units;
  }
  const targets = units.filter((n) => n.endsWith('.target'));
  if (targets.length > 0) {
    throw new ImportError(roots.join(' '), 0, 0, `no default.target or multi-user.target here; name the unit the boot starts from with --target, one of: ${targets.slice(0, 10).join(', ')}${targets.length > 10 ? ` (${targets.length - 10} more)` : ''}`);
  }
  if (units.length === 0) {
    const t = tree.templates[0];
    if (t !== undefined) throw new ImportError(t.path, 0, 0, `a build template, not a unit file: systemd's build makes ${t.unit} of it (units/meson.build); import the built unit (e.g. /usr/lib/systemd/system/${t.unit})`);
    throw new ImportError(roots.join(' '), 0, 0, 'no unit file here (names such as foo.service, foo.socket, foo.target); give a folder of unit files or a unit file');
  }
  log.warn(units[0]!, roots.join(' '), 'default.target', `no target among the inputs: each of the ${units.length} units given is started at boot, as \`systemctl start\` of each would; add the folder of the boot's targets (e.g. /usr/lib/systemd/system) to model the real boot`);
  return units;
}

/**
 * The units in the inputs that the boot transaction does not pull in (an
 * OnFailure= handler, a unit started by hand, by a timer or by another unit):
 * systemd does not start them at boot, so they are imported as `start:
 * on-demand` (sim/scenario/edges.ts). Templates, aliases, masked units and
 * units with no process are left to the skipped-unit report.
 */
function addOnDemandUnits(tree: UnitTree, loaded: Map<string, Loaded>): void {
  for (const name of tree.names()) {
    if (tree.canonical(name) !== name || loaded.has(name) || /@\./.test(name) || NOT_PROCESSES.has(unitType(name))) continue;
    const outcome = tree.load(name);
    if (outcome.kind === 'unit') loaded.set(name, { decl: outcome.unit, d: new Directives(outcome.unit.assignments), onDemand: true });
  }
}

export function importSystemdShow(files: readonly string[], options: ImportOptions): ImportResult {
  if (files.length === 0) throw new ImportError('recsim import systemd-show', 0, 0, 'give a file holding the output of `systemctl show <units...>`');
  const log = new ImportLog();
  const loaded: Loaded[] = [];
  const units: ImportedUnit[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const decls = readShowFile(
      file,
      (l) => log.warn(basename(file), `${l.file}:${l.line}`, JSON.stringify(l.text), 'not a Property=value line (a capture that wrapped a long value?): skipped'),
      (at, name) => log.warn(name, at, 'Id=', `a block without Id=: named ${name} after its Names= or the file name`),
    );
    for (const decl of decls) {
      // `systemctl show a a` prints a twice: the first block is kept, as for a unit named twice on systemctl's command line.
      const first = seen.get(decl.name);
      if (first !== undefined) {
        log.warn(decl.name, `${decl.file}:${decl.line}`, `Id=${decl.name}`, `a second block for this unit (the first is at ${first}): left out`);
        continue;
      }
      seen.set(decl.name, `${decl.file}:${decl.line}`);
      const state = decl.assignments.find((a) => a.key === 'LoadState')?.value;
      if (state === 'not-found' || state === 'masked') units.push({ name: decl.name, at: `${decl.file}:${decl.line}`, coverage: 'skipped', why: `LoadState=${state}` });
      else if (NOT_PROCESSES.has(decl.type)) units.push({ name: decl.name, at: `${decl.file}:${decl.line}`, coverage: 'skipped', why: `a ${decl.type} unit has no process to recover` });
      else loaded.push({ decl, d: new Directives(decl.assignments) });
    }
  }
  return build(loaded, units, log, options, `systemd units from systemctl show (${files.join(', ')})`, true);
}

interface Ref { word: string; at: string; directive: string }

/** A unit's references of one directive; a reference to itself is left out, as systemd ignores it (src/core/unit.c unit_add_dependency(): "We won't allow dependencies on ourselves"). */
function refs(u: Loaded, directive: string): Ref[] {
  return u.d.list(directive).filter((r) => isUnitName(r.word) && r.word !== u.decl.name).map((r) => ({ ...r, directive }));
}

const SELF_REFERABLE = [...PULLS, 'PartOf', 'OnFailure', 'After', 'Before', 'Conflicts'];

/** What a unit pulls into the boot transaction. */
function pulls(u: Loaded): Ref[] {
  const out = PULLS.flatMap((p) => refs(u, p));
  out.push(...u.decl.wantsDir.map((w) => ({ word: w.name, at: w.at, directive: `${u.decl.name}.wants/` })));
  out.push(...u.decl.requiresDir.map((w) => ({ word: w.name, at: w.at, directive: `${u.decl.name}.requires/` })));
  if (!u.decl.resolved && hasDefaultDependencies(u) && ['service', 'socket', 'timer', 'path'].includes(u.decl.type)) {
    out.push({ word: 'sysinit.target', at: `${u.decl.file}:1`, directive: 'DefaultDependencies' });
  }
  return out;
}

function hasDefaultDependencies(u: Loaded): boolean {
  return u.d.bool('DefaultDependencies', true);
}

/** Ordering edges "a starts after b", each with the directive it comes from. */
function orderingEdges(units: readonly Loaded[], byName: ReadonlyMap<string, Loaded>): Edge[] {
  const edges: Edge[] = [];
  const add = (after: string, before: string, at: string, directive: string): void => {
    if (after !== before && byName.has(after) && byName.has(before)) edges.push({ from: after, to: before, at, directive });
  };
  for (const u of units) {
    const name = u.decl.name;
    for (const r of refs(u, 'After')) add(name, r.word, r.at, 'After');
    for (const r of refs(u, 'Before')) add(r.word, name, r.at, 'Before');
    if (u.decl.resolved || !hasDefaultDependencies(u)) continue;
    const at = `${u.decl.file}:1`;
    switch (u.decl.type) {
      case 'service':
        add(name, 'sysinit.target', at, 'default dependency After=sysinit.target');
        add(name, 'basic.target', at, 'default dependency After=basic.target');
        break;
      case 'socket':
      case 'timer':
      case 'path': {
        add(name, 'sysinit.target', at, 'default dependency After=sysinit.target');
        add(`${u.decl.type}s.target`, name, at, `default dependency Before=${u.decl.type}s.target`);
        break;
      }
      case 'mount':
        add('local-fs.target', name, at, 'default dependency Before=local-fs.target');
        break;
      case 'swap':
        add('swap.target', name, at, 'default dependency Before=swap.target');
        break;
      case 'target':
        break; // after the other units' edges are known (below)
    }
    // Implicit: a socket, timer or path unit is ordered before the unit it triggers.
    if (['socket', 'timer', 'path'].includes(u.decl.type)) {
      const triggered = u.d.scalar(u.decl.type === 'socket' ? 'Service' : 'Unit')?.value ?? `${u.decl.name.slice(0, u.decl.name.lastIndexOf('.'))}.service`;
      add(triggered, name, at, `implicit Before=${triggered}`);
    }
  }
  // systemd.target(5): a target's Wants=/Requires= are complemented with After=, unless either
  // side has DefaultDependencies=no or the other unit is already ordered after the target
  // (src/core/unit.c unit_add_default_target_dependency(): "Don't create loops").
  const ordered = new Set(edges.map((e) => `${e.from}\u0000${e.to}`));
  for (const u of units) {
    if (u.decl.type !== 'target' || u.decl.resolved || !hasDefaultDependencies(u)) continue;
    const wanted = [...refs(u, 'Wants'), ...refs(u, 'Requires'), ...u.decl.wantsDir.map((w) => ({ word: w.name, at: w.at })), ...u.decl.requiresDir.map((w) => ({ word: w.name, at: w.at }))];
    for (const w of wanted) {
      const other = byName.get(w.word);
      if (other && hasDefaultDependencies(other) && !ordered.has(`${w.word}\u0000${u.decl.name}`)) {
        add(u.decl.name, w.word, w.at, 'default dependency After= (Wants=/Requires= of a target)');
      }
    }
  }
  return edges;
}

function build(units: Loaded[], report: ImportedUnit[], log: ImportLog, options: ImportOptions, description: string, resolved: boolean): ImportResult {
  units.sort((a, b) => (a.decl.name < b.decl.name ? -1 : a.decl.name > b.decl.name ? 1 : 0));
  const byName = new Map(units.map((u) => [u.decl.name, u]));
  const allEdges = orderingEdges(units, byName);
  const kept = breakCycles(allEdges, [...byName.keys()], (edge, cycle) => {
    log.warn(edge.from, edge.at, edge.directive, `ordering cycle ${cycle.join(' -> ')}: this edge is dropped (systemd breaks such a cycle at boot by deleting a job; recsim refuses cycles)`);
  });
  const depends = new Map<string, Set<string>>();
  for (const e of kept) depends.set(e.from, (depends.get(e.from) ?? new Set()).add(e.to));

  if (resolved) {
    // `systemctl show` lists only the units asked for: a need outside them is said, not dropped in silence.
    for (const u of units) {
      for (const directive of PULLS) {
        const absent = refs(u, directive).filter((r) => !byName.has(r.word) && !NOT_PROCESSES.has(unitType(r.word)));
        if (absent.length > 0) {
          log.warn(u.decl.name, absent[0]!.at, `${directive}=${absent.map((r) => r.word).join(' ')}`, 'not in the `systemctl show` input: not modelled (add them to the systemctl show command line)');
        }
      }
    }
  }
  const components: Component[] = [];
  const comments = new Map<string, string>();
  for (const u of units) {
    const c = mapUnit(u, byName, log, resolved);
    // After=/Before= (and the default dependencies) order only: `after`, not `depends` (systemd.unit(5):
    // "Requirement dependencies do not influence the order in which services are started or stopped").
    const deps = [...(depends.get(u.decl.name) ?? [])].sort();
    if (deps.length > 0) c.after = deps;
    components.push(c);
    const from = [u.decl.file, ...u.decl.dropIns].join(' + ');
    comments.set(u.decl.name, `${u.decl.name}: ${from}`);
  }
  for (const u of units) report.push({ name: u.decl.name, at: `${u.decl.file}:${u.decl.line}`, coverage: log.coverageOf(u.decl.name) });
  report.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return importResult(resolved ? 'systemd-show' : 'systemd', {
    name: options.name ?? description,
    description: `Imported by recsim import from ${description}. systemd-system.conf(5) defaults where a unit is silent: DefaultRestartSec=100ms, DefaultStartLimitIntervalSec=10s, DefaultStartLimitBurst=5, DefaultTimeoutStopSec=90s.`,
    duration: options.duration,
    system: { stop_timeout: durationText(SYSTEMD_DEFAULTS.timeoutStopUs) },
    components,
  }, { comments, units: report, log });
}

/** The line a unit's own settings start at: its type section (e.g. [Service]), else its first setting. */
function declarationAt(u: Loaded): string {
  const section = u.decl.type.charAt(0).toUpperCase() + u.decl.type.slice(1);
  const first = u.decl.assignments.find((a) => a.section === section) ?? u.decl.assignments[0];
  return first ? atOf(first) : `${u.decl.file}:${u.decl.line}`;
}

function mapUnit(u: Loaded, byName: ReadonlyMap<string, Loaded>, log: ImportLog, resolved: boolean): Component {
  const name = u.decl.name;
  const d = u.d;
  const at = declarationAt(u);
  const fields: Record<string, string> = {};
  const c: Component = { name, kind: 'service' };
  const warn = (a: { file: string; line: number } | string, directive: string, why: string): void => log.warn(name, typeof a === 'string' ? a : atOf(a), directive, why);

  for (const directive of SELF_REFERABLE) {
    for (const r of d.list(directive).filter((x) => x.word === name)) warn(r.at, `${directive}=${name}`, 'a unit naming itself: systemd ignores such a dependency (unit_add_dependency()), and so does recsim');
  }
  for (const key of d.keys()) {
    const last = d.all(key).at(-1)!;
    if (MAPPED.has(key)) continue;
    if (key === 'Conflicts') {
      for (const x of refs(u, 'Conflicts').filter((x) => byName.has(x.word))) warn(x.at, `Conflicts=${x.word}`, NOT_MODELLED.Conflicts!);
    } else if (key === 'TimeoutStartSec' && ['infinity', '0'].includes(last.value)) {
      // No start timeout: what recsim does anyway.
    } else if (NOT_MODELLED[key] !== undefined) {
      if (last.value !== '') warn(last, `${key}=${last.value}`, NOT_MODELLED[key]!);
    } else if (isCondition(key) && !/(Result|Timestamp)/.test(key)) {
      if (last.value !== '') warn(last, `${key}=${last.value}`, 'conditions and assertions are assumed to hold: recsim starts the unit');
    } else {
      for (const _ of d.all(key)) log.ignore(key);
    }
  }
  mapRequirements(u, c, byName, fields);
  if (u.onDemand) c.start = 'on-demand';

  if (u.decl.type !== 'service') {
    // Targets, sockets, timers, paths, mounts: synchronisation points with no process to restart.
    c.start_latency = '0s';
    c.stop_latency = '0s';
    fields.restart = `${at} (not a service: never restarted)`;
    c.source = { at, fields };
    return c;
  }

  const type = d.scalar('Type');
  if (type?.value === 'oneshot' && !d.bool('RemainAfterExit', false)) {
    warn(type, 'Type=oneshot', 'a oneshot unit without RemainAfterExit=yes becomes inactive once it has run; recsim keeps it running after its start (as RemainAfterExit=yes)');
  }

  const restart = d.scalar('Restart');
  let when = 'no';
  if (restart) {
    if (RESTART_VALUES.has(restart.value)) when = restart.value;
    else throw new ImportError(restart.file, restart.line, 1, `Restart=${restart.value}: not a Restart= value; write no, on-success, on-failure, on-abnormal, on-watchdog, on-abort or always`);
    fields.restart = atOf(restart);
  } else fields.restart = `${at} (Restart= not set: no, systemd.service(5))`;
  const r: NonNullable<Extract<Component['restart'], object>> = { when };
  const restartSec = d.scalar('RestartSec');
  r.delay = restartSec ? durationText(timeSpan(restartSec, 'RestartSec', true)) : SYSTEMD_DEFAULTS.restartSec;
  if (restartSec) fields.restart_delay = atOf(restartSec);
  const steps = d.scalar('RestartSteps');
  const maxDelay = d.scalar('RestartMaxDelaySec');
  if (steps && maxDelay) {
    r.steps = wholeNumber(steps, 'RestartSteps', 'RestartSteps=3');
    r.max_delay = durationText(timeSpan(maxDelay, 'RestartMaxDelaySec', true));
  } else if (steps || maxDelay) {
    const one = (steps ?? maxDelay)!;
    warn(one, `${one.key}=${one.value}`, 'RestartSteps= and RestartMaxDelaySec= act together (systemd.service(5)); one alone keeps RestartSec= fixed');
  }
  for (const [key, field] of [['SuccessExitStatus', 'success_exit_status'], ['RestartPreventExitStatus', 'prevent_exit_status'], ['RestartForceExitStatus', 'force_exit_status']] as const) {
    const statuses = exitStatuses(d, key, (a, why) => warn(a, key, why));
    if (statuses.length > 0) r[field] = statuses;
  }
  c.restart = r;

  const interval = d.scalar('StartLimitIntervalSec') ?? d.scalar('StartLimitInterval');
  const burst = d.scalar('StartLimitBurst');
  const limitAction = d.scalar('StartLimitAction');
  const intervalUs = interval ? timeSpan(interval, interval.key) : SYSTEMD_DEFAULTS.startLimitIntervalUs;
  const burstN = burst ? wholeNumber(burst, 'StartLimitBurst', 'StartLimitBurst=5') : SYSTEMD_DEFAULTS.startLimitBurst;
  if (intervalUs > 0 && burstN > 0 && Number.isFinite(intervalUs)) {
    c.start_limit = { burst: burstN, interval: durationText(intervalUs) };
    const action = systemAction(limitAction, warn);
    if (action !== undefined) c.start_limit.action = action as 'none';
    fields.start_limit = burst ? atOf(burst) : interval ? atOf(interval) : `${at} (StartLimitBurst= not set: DefaultStartLimitBurst=5 in DefaultStartLimitIntervalSec=10s, systemd-system.conf(5))`;
  }
  const failure = systemAction(d.scalar('FailureAction'), warn);
  if (failure !== undefined && failure !== 'none') {
    c.failure_action = failure as 'reboot';
    fields.failure_action = atOf(d.scalar('FailureAction')!);
  } else if (limitAction && c.start_limit?.action !== undefined && c.start_limit.action !== 'none') {
    fields.failure_action = atOf(limitAction);
  }
  const success = d.scalar('SuccessAction');
  const successAction = systemAction(success, warn);
  if (success && successAction !== undefined && successAction !== 'none') {
    c.exit_actions = { '0': successAction as 'reboot' };
    fields.exit_actions = atOf(success);
    warn(success, `SuccessAction=${success.value}`, 'modelled as an action on exit code 0 only: SuccessExitStatus= codes and a oneshot finishing do not trigger it');
  }
  const bindsTo = refs(u, 'BindsTo').filter((x) => byName.has(x.word));
  if (bindsTo.length > 0) {
    c.binds_to = bindsTo.map((x) => x.word);
    fields.binds_to = bindsTo[0]!.at;
  }
  const partOf = refs(u, 'PartOf').filter((x) => byName.has(x.word));
  if (partOf.length > 0) {
    c.part_of = partOf.map((x) => x.word);
    fields.part_of = partOf[0]!.at;
  }
  for (const x of refs(u, 'PartOf').filter((x) => !byName.has(x.word))) warn(x.at, `PartOf=${x.word}`, `${x.word} is not in the inputs: nothing to follow`);
  // OnFailure= (systemd.unit(5)): started when this unit enters failed; only units of the boot exist in the scenario.
  const onFailure = refs(u, 'OnFailure').filter((x) => byName.has(x.word));
  if (onFailure.length > 0) {
    c.on_failure = onFailure.map((x) => x.word);
    fields.on_failure = onFailure[0]!.at;
  }
  for (const x of refs(u, 'OnFailure').filter((x) => !byName.has(x.word))) warn(x.at, `OnFailure=${x.word}`, `${x.word} is not in the inputs, so not imported: its activation on failure is not modelled`);
  // OnSuccess= (systemd.unit(5)): started when this unit ends cleanly and goes inactive.
  const onSuccess = refs(u, 'OnSuccess').filter((x) => byName.has(x.word));
  if (onSuccess.length > 0) {
    c.on_success = onSuccess.map((x) => x.word);
    fields.on_success = onSuccess[0]!.at;
  }
  for (const x of refs(u, 'OnSuccess').filter((x) => !byName.has(x.word))) warn(x.at, `OnSuccess=${x.word}`, `${x.word} is not in the inputs, so not imported: its activation on success is not modelled`);
  const restartMode = d.scalar('RestartMode');
  if (restartMode?.value === 'direct') {
    c.restart_mode = 'direct';
    fields.restart_mode = atOf(restartMode);
  }
  const stop = d.scalar('TimeoutStopSec') ?? d.scalar('TimeoutSec');
  if (stop) {
    const us = timeSpan(stop, stop.key);
    if (!Number.isFinite(us) || us === 0) warn(stop, `${stop.key}=${stop.value}`, 'no stop timeout (infinity) is not modelled: recsim keeps the 90 s default');
    else if (us !== SYSTEMD_DEFAULTS.timeoutStopUs) {
      c.stop_timeout = durationText(us);
      fields.stop_timeout = atOf(stop);
    }
  }
  c.source = { at, fields };
  return c;
}

/**
 * Requirement directives onto recsim's edges exactly (sim/scenario/edges.ts,
 * src/core/unit-dependency-atom.c): Requires= and `.requires/` -> `requires`,
 * Wants= and `.wants/` -> `wants`, Requisite= -> `requisite`. BindsTo= and
 * PartOf= are policy fields (below). Units outside the inputs are left out
 * (a device is assumed present).
 */
function mapRequirements(u: Loaded, c: Component, byName: ReadonlyMap<string, Loaded>, fields: Record<string, string>): void {
  const inputs = (list: { word: string; at: string }[]): { word: string; at: string }[] => {
    const seen = new Set<string>();
    return list.filter((x) => x.word !== u.decl.name && byName.has(x.word) && !seen.has(x.word) && (seen.add(x.word), true));
  };
  const dir = (entries: readonly { name: string; at: string }[]): { word: string; at: string }[] => entries.map((w) => ({ word: w.name, at: w.at }));
  const lists = {
    requires: inputs([...refs(u, 'Requires'), ...dir(u.decl.requiresDir)]),
    wants: inputs([...refs(u, 'Wants'), ...dir(u.decl.wantsDir)]),
    requisite: inputs(refs(u, 'Requisite')),
  };
  for (const [field, list] of Object.entries(lists) as [keyof typeof lists, { word: string; at: string }[]][]) {
    if (list.length === 0) continue;
    c[field] = list.map((x) => x.word).sort();
    fields[field] = list[0]!.at;
  }
}

/** A time span in microseconds; `finite`: infinity is refused (a restart delay must end). Spans past 2^53 us (285 years) are refused: no scenario duration holds them. */
function timeSpan(a: { key: string; value: string; file: string; line: number }, key: string, finite = false): number {
  const us = parseTimeSpanUs(a.value);
  if (us === undefined) throw new ImportError(a.file, a.line, 1, `${key}=${a.value}: not a time span; write e.g. ${key}=100ms, ${key}=5s or ${key}=1min 30s`);
  if (us === Infinity && finite) throw new ImportError(a.file, a.line, 1, `${key}=${a.value}: recsim needs a finite time here (an infinite restart delay never restarts: write Restart=no for that)`);
  if (us !== Infinity && !Number.isSafeInteger(us)) throw new ImportError(a.file, a.line, 1, `${key}=${a.value}: longer than recsim can simulate (285 years); write e.g. ${key}=5s`);
  return us;
}

/** A count such as StartLimitBurst=: a whole number of at most 2^53, or an ImportError at its line. */
function wholeNumber(a: { value: string; file: string; line: number }, key: string, example: string): number {
  const n = Number(a.value);
  if (!/^\d+$/.test(a.value) || !Number.isSafeInteger(n)) throw new ImportError(a.file, a.line, 1, `${key}=${a.value}: write a whole number, e.g. ${example}`);
  return n;
}

function systemAction(a: { key: string; value: string; file: string; line: number } | undefined, warn: (a: { file: string; line: number }, directive: string, why: string) => void): string | undefined {
  if (a === undefined) return undefined;
  if (SYSTEM_ACTIONS.has(a.value)) return a.value;
  warn(a, `${a.key}=${a.value}`, 'recsim models none, reboot, reboot-force and reboot-immediate; this action is left out (the unit just fails)');
  return undefined;
}

const SIGNALS: Readonly<Record<string, string>> = { SIGKILL: 'kill', SIGTERM: 'term', SIGABRT: 'abort', KILL: 'kill', TERM: 'term', ABRT: 'abort' };

/** The BSD exit status names systemd accepts (systemd.exec(5) "Process Exit Codes", src/basic/exit-status.c). */
const EXIT_NAMES: Readonly<Record<string, number>> = {
  USAGE: 64, DATAERR: 65, NOINPUT: 66, NOUSER: 67, NOHOST: 68, UNAVAILABLE: 69, SOFTWARE: 70, OSERR: 71,
  OSFILE: 72, CANTCREAT: 73, IOERR: 74, TEMPFAIL: 75, PROTOCOL: 76, NOPERM: 77, CONFIG: 78,
};

/** Exit codes 0-255 and the signals recsim's faults produce (KILL, TERM, ABRT); other signals become warnings. */
function exitStatuses(d: Directives, key: string, warn: (at: string, why: string) => void): (number | 'kill' | 'term' | 'abort')[] {
  const out: (number | 'kill' | 'term' | 'abort')[] = [];
  for (const { word, at } of d.list(key)) {
    if (/^\d+$/.test(word) && Number(word) <= 255) out.push(Number(word));
    else if (EXIT_NAMES[word.replace(/^EX_/, '')] !== undefined) out.push(EXIT_NAMES[word.replace(/^EX_/, '')]!);
    else if (SIGNALS[word] !== undefined) out.push(SIGNALS[word] as 'kill');
    else warn(at, `${word}: recsim's faults end a process with an exit code or SIGKILL/SIGTERM/SIGABRT only`);
  }
  return out;
}
