import type { Command } from 'commander';
import { parseDuration } from '../../engine/time.js';
import { isUnitName } from '../../import/systemd/load.js';
import { parseRate } from '../../scenario/units.js';
import { performance } from 'node:perf_hooks';
import { importConfig } from '../../import/index.js';
import { countsOf, headerText, reportText } from '../../import/summary.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../import/types.js';
import { scenarioYaml } from '../../import/writer.js';
import { ScenarioError } from '../../format/errors.js';
import { parseScenario } from '../../scenario/load.js';
import { UsageError } from '../../io/exit-codes.js';
import { terminalSafe } from '../../io/terminal.js';
import { checkOutputFile, writeFileCreatingDirs } from '../../io/write-file.js';

interface ImportCliOptions {
  out?: string;
  duration: string;
  name?: string;
  target?: string;
  crash: string[];
  crashAt?: string;
  crashRate?: string;
  crashSignal?: string;
  includePath: string[];
  warnings?: boolean;
  all?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('write a scenario from the configuration of a real system: systemd units, `systemctl show` output, Fuchsia .cml files, Android init .rc files, Redox service files')
    .argument('<format>', `one of ${IMPORT_FORMATS.join(', ')}`)
    .argument('<paths...>', 'systemd: folders of unit files (later ones override earlier ones); systemd-show: files of `systemctl show` output; fuchsia: .cml files and the component manager config (.json5); android: .rc files; redox: service .toml files')
    .option('--out <scenario.yaml>', 'write the scenario there (default: print it)')
    .option('--duration <d>', 'virtual time the scenario runs', '10min')
    .option('--name <text>', 'scenario name')
    .option('--target <unit>', 'systemd: the unit the boot starts from (default: default.target, else multi-user.target)')
    .option('--include-path <dir>', 'fuchsia: a folder `include:` shards are resolved against (repeatable; `//path` shards against the source root)', collect, [])
    .option('--crash <component>', 'add a crash fault on this component (repeatable)', collect, [])
    .option('--crash-at <d>', 'the crash is scripted at this instant (default: stochastic)')
    .option('--crash-rate <r>', 'rate of the stochastic crash', '6/h')
    .option('--crash-signal <signal>', 'the crash ends the process with this signal (kill, term, abort) instead of exit code 1, e.g. for Restart=on-abort')
    .option('--warnings', 'print every warning and skipped unit (default: the first 20 warnings and the summary)')
    .option('--all', 'with --warnings: also list the directives ignored as having no bearing on recovery')
    .addHelpText('after', '\nThe summary and warnings go to stderr. Exit codes: 0 ok, 2 malformed input (file:line and what to change).')
    .action((format: string, paths: string[], options: ImportCliOptions, command: Command) => {
      if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`import: unknown format "${format}"; use one of ${IMPORT_FORMATS.join(', ')}`);
      checkFlags(format, options, (key) => command.getOptionValueSource(key) === 'cli');
      if (options.out !== undefined) checkOutputFile('--out', options.out);
      const started = performance.now();
      if (options.crashSignal !== undefined && !['kill', 'term', 'abort'].includes(options.crashSignal)) throw new UsageError(`--crash-signal ${options.crashSignal}: write kill, term or abort`);
      const result = importConfig(format as ImportFormat, paths, { duration: options.duration, name: options.name, target: options.target, includePaths: options.includePath });
      const names = new Set(result.scenario.components.map((c) => c.name));
      for (const target of options.crash) {
        if (!names.has(target)) throw new UsageError(`--crash ${target}: no such component in the import (names are unit names such as systemd-journald.service)`);
        const signal = options.crashSignal !== undefined ? { signal: options.crashSignal } : {};
        const fault = options.crashAt ? { at: options.crashAt, crash: target, ...signal } : { rate: options.crashRate, crash: target, ...signal };
        result.scenario.faults = [...(result.scenario.faults ?? []), fault as NonNullable<typeof result.scenario.faults>[number]];
      }
      const yaml = scenarioYaml(result, headerText(result, paths.map((p) => terminalSafe(p))));
      // The written file must load as any scenario does; if it does not, the importer is wrong (flags and mapped
      // values are checked where they come in, so no user error reaches this point): exit 70, citing the input.
      try {
        parseScenario(yaml, options.out ?? '(imported scenario)');
      } catch (error) {
        if (error instanceof ScenarioError) throw new Error(`the imported scenario does not load: ${error.message}${provenanceOf(result, error.path)}`);
        throw error;
      }
      const elapsedMs = performance.now() - started;
      if (options.out) writeFileCreatingDirs(options.out, yaml, '--out');
      else process.stdout.write(terminalSafe(yaml, true));
      const text = reportText(result, { skipped: options.warnings === true, ignored: options.all === true });
      const lines = text.split('\n');
      const shown = options.warnings ? lines : [...lines.slice(0, Math.min(20, result.warnings.length)), ...(result.warnings.length > 20 ? [`... ${result.warnings.length - 20} more warnings (--warnings lists them all)`] : []), lines.at(-1)!];
      const n = countsOf(result);
      // Warnings echo names and values from the input: every line goes through the terminal escaping.
      process.stderr.write(`${shown.map((l) => terminalSafe(l)).join('\n')}\nimported ${n.imported} units into ${result.scenario.components.length} components in ${elapsedMs.toFixed(0)} ms${options.out ? `: ${terminalSafe(options.out)}` : ''}\n`);
    });
}

/**
 * The flags, checked before anything is read: a bad --duration,
 * --crash-at or --crash-rate is the user's, named with the flag, never found
 * later by the self-check of the written scenario.
 */
function checkFlags(format: string, o: ImportCliOptions, given: (key: string) => boolean): void {
  const duration = parseDuration(o.duration);
  if (typeof duration !== 'number') throw new UsageError(`--duration ${o.duration}: ${duration.error}`);
  if (duration === 0) throw new UsageError('--duration 0s: a run of 0s simulates nothing; give a duration such as 10min');
  if (o.crashAt !== undefined) {
    if (o.crash.length === 0) throw new UsageError('--crash-at: name the component to crash with --crash <component>');
    const at = parseDuration(o.crashAt);
    if (typeof at !== 'number') throw new UsageError(`--crash-at ${o.crashAt}: ${at.error}`);
    if (at > duration) throw new UsageError(`--crash-at ${o.crashAt}: after the end of the run (--duration ${o.duration})`);
  }
  if (given('crashRate')) {
    if (o.crash.length === 0) throw new UsageError('--crash-rate: name the component to crash with --crash <component>');
    if (o.crashAt !== undefined) throw new UsageError('--crash-rate and --crash-at: give one (a scripted crash, or a stochastic one)');
  }
  const rate = parseRate(o.crashRate ?? '');
  if (typeof rate !== 'number') throw new UsageError(`--crash-rate ${o.crashRate}: ${rate.error}`);
  if (rate === 0) throw new UsageError(`--crash-rate ${o.crashRate}: a rate of 0 crashes nothing; give a rate such as 6/h`);
  if (given('target')) {
    if (format !== 'systemd') throw new UsageError(`--target: only for systemd (the unit the boot starts from); ${format} has no boot target`);
    const target = o.target ?? '';
    if (!isUnitName(target)) throw new UsageError(`--target ${target}: not a unit name; name one such as multi-user.target`);
    // systemd.unit(5): a template (foo@.service) is not a unit by itself; only its instances (foo@bar.service) are.
    if (/@\.[^.]+$/.test(target)) throw new UsageError(`--target ${target}: a template with no instance; name an instance such as ${target.replace('@.', '@tty1.')}`);
  }
}

/** Where the component a self-check error points at came from, to make the bug report useful. */
function provenanceOf(result: ReturnType<typeof importConfig>, path: readonly (string | number)[]): string {
  if (path[0] !== 'components' || typeof path[1] !== 'number') return '';
  const at = result.scenario.components[path[1]]?.source?.at;
  return at === undefined ? '' : ` (from ${at})`;
}
