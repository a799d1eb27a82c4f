import { parseDuration } from '../../engine/time.js';
import { readConfigFile } from '../read-config.js';
import { ImportError, ImportLog, importResult, type Component, type ImportedUnit, type ImportOptions, type ImportResult } from '../types.js';
import { expandProps, parseRc, type RcSection } from './parse.js';
import { bootStarts } from './boot-actions.js';
import { expandFolders } from '../inputs.js';

/**
 * Android init services as a scenario (AOSP system/core/init/README.md,
 * "Options"; init/service.cpp Service::Reap()): init restarts every service
 * that exits unless it is `oneshot`, no sooner than `restart_period` (5 s by
 * default) after its last start; a `critical` service that exits more than
 * four times in `window` minutes (default 4) or before boot completes reboots
 * into the bootloader; `reboot_on_failure` reboots when the service fails to
 * start or exits with a non-zero status; `onrestart restart X` restarts X
 * whenever this service restarts; `disabled` services start only when asked
 * by name, not with their class. Every class is started at boot here
 * (class_start in the `on` actions), and `on` actions themselves are not run.
 */

const NO_BEARING = new Set([
  'user', 'group', 'capabilities', 'seclabel', 'socket', 'file', 'ioprio', 'writepid', 'task_profiles', 'priority',
  'namespace', 'setenv', 'console', 'keycodes', 'interface', 'rlimit', 'oom_score_adjust', 'memcg.limit_in_bytes',
  'memcg.soft_limit_in_bytes', 'memcg.swappiness', 'memcg.limit_percent', 'memcg.limit_property', 'enter_namespace',
  'gentle_kill', 'stdio_to_kmsg', 'sigstop', 'override', 'updatable', 'disabled', 'class', 'oneshot', 'critical',
  'restart_period', 'onrestart', 'reboot_on_failure',
]);

const NOT_MODELLED: Readonly<Record<string, string>> = {
  timeout_period: 'a service killed after a fixed run time is not modelled',
  shutdown: '`shutdown critical` (not killed at shutdown) is not modelled: every component stops at shutdown',
  animation: 'animation classes are not modelled',
};

export function importAndroid(paths: readonly string[], options: ImportOptions): ImportResult {
  if (paths.length === 0) throw new ImportError('recsim import android', 0, 0, 'give at least one init .rc file, e.g. init.rc');
  const log = new ImportLog();
  const units: ImportedUnit[] = [];
  const components: Component[] = [];
  const comments = new Map<string, string>();
  const services: RcSection[] = [];
  const sections: RcSection[] = [];
  const seen = new Map<string, string>();
  const files = expandFolders(paths, (name) => name.endsWith('.rc'));
  if (files.length === 0) throw new ImportError(paths.join(' '), 0, 0, 'no .rc file there; give init .rc files or a folder of them');
  for (const file of files) {
    const text = readConfigFile(file, 'file', 'give an init .rc file');
    for (const section of parseRc(text, file)) {
      sections.push(section);
      if (section.keyword === 'on' || section.keyword === 'import') {
        for (const _ of section.body) log.ignore(`on ${section.args[0]!.split(':')[0]} (action commands)`);
        if (section.keyword === 'import') log.ignore('import');
        continue;
      }
      const name = section.args[0]!;
      if (name === '') throw new ImportError(section.file, section.line, 1, 'service "": a service needs a name, e.g. `service netd /system/bin/netd`');
      const at = `${section.file}:${section.line}`;
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        // init/service.cpp ServiceParser::ParseSection: a second service of the same name is an error and is ignored.
        log.warn(name, at, `service ${name}`, `a second declaration (the first is at ${earlier}); init ignores it, and so does recsim`);
        continue;
      }
      seen.set(name, at);
      services.push(section);
    }
  }
  const declaredAt = new Map(services.map((s) => [s.args[0]!, `${s.file}:${s.line}`]));
  if (services.length === 0) {
    const actions = sections.filter((s) => s.keyword === 'on').length;
    throw new ImportError(files.join(' '), 0, 0, `no \`service\` declared (${actions} \`on\` actions only); import it together with the .rc files that declare the services it starts`);
  }

  // Which services the boot starts: by name from a boot action (`start`, `exec_start`), or with their class.
  const { atBoot, conditional } = bootStarts(sections);
  const startedByName = new Map(atBoot.filter((b) => b.how !== 'class_start').map((b) => [b.name, b]));
  const classesStarted = new Set(atBoot.filter((b) => b.how === 'class_start').map((b) => b.name));
  // With no boot action among the inputs (a service's own .rc file), every class is taken to start, as init.rc starts core, main, hal and late_start.
  const classKnown = classesStarted.size > 0;
  const classOf = (s: RcSection): string => s.body.find((l) => l.tokens[0] === 'class')?.tokens[1] ?? 'default';
  const startsAtBoot = (s: RcSection): boolean => {
    const name = s.args[0]!;
    if (startedByName.has(name)) return true;
    if (s.body.some((l) => l.tokens[0] === 'disabled')) return false;
    return !classKnown || classesStarted.has(classOf(s));
  };
  for (const c of conditional) {
    if (declaredAt.has(c.name) && !startedByName.has(c.name)) log.ignore(`${c.how} under a property trigger`);
  }

  const partOf = new Map<string, { of: string; at: string }[]>();
  const names = new Set(services.map((s) => s.args[0]!));
  for (const s of services) {
    const name = s.args[0]!;
    const at = `${s.file}:${s.line}`;
    const fields: Record<string, string> = {};
    const opt = (o: string) => s.body.find((l) => l.tokens[0] === o);
    const disabled = opt('disabled');
    let onDemandWhy: string | undefined;
    if (!startsAtBoot(s)) {
      const guarded = conditional.find((x) => x.name === name);
      onDemandWhy = disabled
        ? `disabled (${disabled.file}:${disabled.line}) and no boot action starts it by name${guarded ? ` (${guarded.how} ${name} at ${guarded.at} runs only on \`on ${guarded.trigger}\`)` : ''}`
        : `its class ${classOf(s)} is not started by a boot action in the inputs (class_start ${[...classesStarted].join(', ')})`;
    }
    const c: Component = { name, kind: 'service', preset: 'android-critical' };
    if (onDemandWhy !== undefined) {
      // Declared but not started at boot: present, stopped until something starts it (`start`, a property trigger).
      c.start = 'on-demand';
      fields.start = `${at} (on demand: ${onDemandWhy})`;
    }
    fields.restart = `${at} (init restarts a service that exits, restart_period 5s by default)`;
    const byName = startedByName.get(name);
    if (byName) fields.start = `${byName.at} (${byName.how} ${name})`;
    const oneshot = opt('oneshot');
    if (oneshot) {
      c.restart = 'never';
      fields.restart = `${oneshot.file}:${oneshot.line}`;
    } else if (byName?.how === 'exec_start') {
      // builtins.cpp do_exec_start() -> Service::ExecStart(): `flags_ |= SVC_ONESHOT`, and init waits for it to exit.
      c.restart = 'never';
      fields.restart = `${byName.at} (exec_start: a one-shot, service.cpp Service::ExecStart())`;
      log.warn(name, byName.at, `exec_start ${name}`, 'a one-shot that init waits for; recsim keeps it running after its start (never restarted)');
    }
    const period = opt('restart_period');
    if (period) {
      const seconds = Number(period.tokens[1]);
      if (!Number.isFinite(seconds) || seconds < 0 || typeof parseDuration(`${seconds}s`) !== 'number') throw new ImportError(period.file, period.line, 1, `restart_period ${period.tokens[1] ?? ''}: write a number of seconds, e.g. restart_period 10`);
      c.backoff = { kind: 'restart-period', period: `${seconds}s` };
      fields.restart = `${period.file}:${period.line}`;
    }
    const critical = opt('critical');
    const rebootOnFailure = opt('reboot_on_failure');
    let criticalOff = false;
    if (critical) {
      let window = 4;
      // README: "The default value of _fatal crash window mins_ is 4, and default value of _fatal reboot target_ is 'bootloader'."
      let target = 'bootloader';
      // service_parser.cpp ParseCritical(): `window=` is expanded (ExpandProps); "off" leaves the service not critical.
      for (const t of critical.tokens.slice(1)) {
        const [k, raw] = t.split('=');
        const v = raw === undefined ? undefined : expandProps(raw, (prop) => log.warn(name, `${critical.file}:${critical.line}`, t, `property ${prop} has no value in an import and no default: init would refuse this line; recsim keeps the default`));
        if (k === 'window') {
          if (v === 'off') {
            criticalOff = true;
            continue;
          }
          if (v === '') continue;
          window = Number(v);
          if (!Number.isFinite(window) || window <= 0 || typeof parseDuration(`${window}min`) !== 'number') throw new ImportError(critical.file, critical.line, 1, `critical ${t}: write window=<minutes>, e.g. window=10`);
        } else if (k === 'target') {
          if (v === undefined || !/^[a-z][a-z0-9_-]*$/.test(v)) throw new ImportError(critical.file, critical.line, 1, `critical ${t}: write target=<reboot target>, e.g. target=bootloader`);
          target = v;
        } else throw new ImportError(critical.file, critical.line, 1, `critical ${t}: write window=<minutes> or target=<reboot target>`);
      }
      if (criticalOff) {
        log.warn(name, `${critical.file}:${critical.line}`, critical.tokens.join(' '), 'window= expands to "off" (its property has no value, so the default applies): init leaves the service not critical (service_parser.cpp ParseCritical())');
      } else {
        c.critical = true;
        c.critical_action = { kind: 'android-init', max_exits: 4, window: `${window}min`, target };
        fields.critical = `${critical.file}:${critical.line}`;
        if (rebootOnFailure) log.warn(name, `${rebootOnFailure.file}:${rebootOnFailure.line}`, 'reboot_on_failure', 'a critical service keeps its critical rule; reboot_on_failure is left out');
      }
    }
    if (rebootOnFailure && (!critical || criticalOff)) {
      // README: "If this process cannot be started or if the process terminates with an exit code other than CLD_EXITED with a status other than '0', reboot the system".
      c.critical = true;
      c.critical_action = 'reboot-on-failure';
      fields.critical = `${rebootOnFailure.file}:${rebootOnFailure.line}`;
      if (rebootOnFailure.tokens[1] !== undefined) {
        log.warn(name, fields.critical, `reboot_on_failure ${rebootOnFailure.tokens[1]}`, 'the reboot target is not modelled: a graceful reboot and a normal boot');
      }
    }
    for (const l of s.body.filter((x) => x.tokens[0] === 'onrestart')) {
      // builtins.cpp do_restart(): `restart [--only-if-running] <service>`.
      const onlyIfRunning = l.tokens[2] === '--only-if-running';
      const command = l.tokens[1];
      const target = onlyIfRunning ? l.tokens[3] : l.tokens[2];
      const lat = `${l.file}:${l.line}`;
      if (command === 'restart' && target === name) {
        log.warn(name, lat, l.tokens.join(' '), 'a service restarting itself when it restarts: nothing more to model');
      } else if (command === 'restart' && target !== undefined && names.has(target)) {
        partOf.set(target, [...(partOf.get(target) ?? []), { of: name, at: lat }]);
      } else if (command === 'class_restart' && l.tokens[2] !== undefined) {
        // builtins.cpp do_class_restart(): ForEachServiceInClass(classname, &Service::RestartIfRunning).
        const cls = l.tokens.at(-1)!;
        const members = services.filter((x) => x !== s && classOf(x) === cls && names.has(x.args[0]!)).map((x) => x.args[0]!);
        for (const m of members) partOf.set(m, [...(partOf.get(m) ?? []), { of: name, at: lat }]);
        if (members.length === 0) log.warn(name, lat, l.tokens.join(' '), `no service of class ${cls} starts at boot: nothing to restart`);
      } else if (command === 'restart' && target !== undefined) {
        log.warn(name, lat, l.tokens.join(' '), declaredAt.has(target)
          ? `${target} is not started at boot: ${onlyIfRunning ? 'with --only-if-running, init restarts it only if it runs, so ' : ''}nothing to restart`
          : `${target} is not declared in the inputs: nothing to restart`);
      } else {
        log.warn(name, lat, l.tokens.join(' '), 'only `onrestart restart <service>` is modelled; other commands run on a restart are not');
      }
    }
    for (const l of s.body) {
      const o = l.tokens[0]!;
      if (NOT_MODELLED[o] !== undefined) log.warn(name, `${l.file}:${l.line}`, l.tokens.join(' '), NOT_MODELLED[o]!);
      else if (NO_BEARING.has(o)) { if (!['disabled', 'oneshot', 'critical', 'restart_period', 'onrestart', 'reboot_on_failure'].includes(o)) log.ignore(o); }
      else log.warn(name, `${l.file}:${l.line}`, o, 'not an option recsim knows: left out');
    }
    c.source = { at, fields };
    components.push(c);
    const cls = s.body.find((l) => l.tokens[0] === 'class')?.tokens.slice(1).join(' ') ?? 'default';
    comments.set(name, `${name}: ${at} (class ${cls}; program ${s.args[1]}${c.start === 'on-demand' ? '; on demand: not started at boot' : ''})`);
  }
  for (const c of components) {
    const followers = partOf.get(c.name);
    if (followers) {
      c.part_of = followers.map((f) => f.of);
      (c.source!.fields as Record<string, string>).part_of = followers[0]!.at;
    }
  }
  for (const c of components) units.push({ name: c.name, at: c.source!.at, coverage: log.coverageOf(c.name) });
  if (components.length === 0) throw new ImportError(files.join(' '), 0, 0, 'no service declared; declare one with `service <name> <path>`');
  return importResult('android', {
    name: options.name ?? `Android init services from ${paths.join(', ')}`,
    description: `Imported by recsim import from ${paths.join(', ')}: every service restarted by init (preset android-critical: restart_period 5s, critical = more than 4 exits in 4 min reboots).`,
    duration: options.duration,
    components,
  }, { comments, units, log });
}
