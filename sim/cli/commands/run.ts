import type { Command } from 'commander';
import { checkPolicyName, scenarioUnderPolicy } from '../../compare/policy-names.js';
import { loadScenarioFile } from '../../scenario/load.js';
import { ambiguousStore } from '../../model/save-path.js';
import type { Scenario } from '../../scenario/types.js';
import { passed, simulate } from '../../simulate.js';
import { TraceStreamWriter } from '../../trace/stream-writer.js';
import type { TraceFile } from '../../trace/trace-file.js';
import { writeHtmlReport } from '../../report/html.js';
import { BootOutcome } from '../../checks/boot-outcome.js';
import { EXIT, UsageError } from '../../io/exit-codes.js';
import { formatSummary, StoryCollector } from '../format-summary.js';
import { parseDurationOption, parseSeedOption } from '../options.js';
import { terminalSafe } from '../../io/terminal.js';
import { progressLine, runProgress } from '../progress.js';
import { openOutputFile } from '../../io/write-file.js';
import { closeSync } from 'node:fs';

interface RunOptions {
  policy?: string;
  seed?: string;
  until?: string;
  out?: string;
  json?: boolean;
  html?: string;
}

/** The scenario under `--policy`, if given; an unknown preset is bad input. */
function withPolicyOption(scenario: Scenario, policy: string | undefined): Scenario {
  if (policy === undefined) return scenario;
  const problem = checkPolicyName(policy);
  if (problem) throw new UsageError(`--policy: ${problem.error}`);
  const replaced = scenarioUnderPolicy(scenario, policy);
  if (replaced !== scenario && scenario.expect) process.stderr.write(`note: --policy ${policy}: the scenario's expectations were written for its own policies and are not checked\n`);
  return replaced;
}

/** The exit code a finished run deserves. */
export function exitCodeOf(trace: TraceFile, ok: boolean): number {
  if (trace.summary.outcome === 'event-budget-exhausted' && !ok) return EXIT.budgetExhausted;
  return ok ? EXIT.ok : EXIT.checkFailed;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a scenario and print what happened')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--policy <preset>', "replace every component's policy by a preset, as `recsim compare` does (the scenario's expectations are then not checked)")
    .option('--seed <n>', "seed for every random stream (default: the scenario's seed)")
    .option('--until <duration>', "virtual time to simulate, e.g. 10min (default: the scenario's duration)")
    .option('--out <trace.json>', 'write the full trace as JSON')
    .option('--html <report.html>', 'write a self-contained HTML report (viewer and trace in one file)')
    .option('--json', 'print the machine summary as JSON instead of text')
    .addHelpText('after', '\nOn a terminal, progress (virtual time, events/s, ETA) is shown on stderr; piped, nothing is.\n' +
      'Exit codes: 0 ok, 1 an expectation or invariant failed, 2 bad input, 3 event budget exhausted, 70 a bug in recsim (please report it).')
    .action((file: string, options: RunOptions) => {
      const loaded = loadScenarioFile(file);
      // R8: a writer whose store is ambiguous saves only if all it depends on is up (save-path.ts).
      loaded.components.forEach((c, i) => {
        const warning = ambiguousStore(c);
        if (warning) process.stderr.write(`warning: ${file}: components[${i}].dirty_data: ${warning}\n`);
      });
      const scenario = withPolicyOption(loaded, options.policy);
      // The trace streams to disk as it is written; only the HTML report needs the records in memory.
      const seed = options.seed === undefined ? undefined : parseSeedOption(options.seed);
      const untilUs = options.until === undefined ? undefined : parseDurationOption('--until', options.until);
      // Both outputs are opened before the run, so a bad path is one line (exit 2) rather than a failure after it.
      if (options.html !== undefined) closeSync(openOutputFile('--html', options.html));
      const output = options.out === undefined ? undefined : new TraceStreamWriter(openOutputFile('--out', options.out));
      const story = new StoryCollector();
      const boot = new BootOutcome();
      const progress = progressLine();
      const trace = simulate(scenario, {
        seed,
        untilUs,
        maxRecordsInMemory: options.html ? undefined : 0,
        output,
        sinks: [story.sink, boot.sink],
        onProgress: runProgress(progress, untilUs ?? scenario.durationUs),
      });
      progress.done();
      const incompleteBoot = boot.incomplete(trace);
      // An incomplete boot fails a run that does not pin it with expectations (see sim/checks/boot-outcome.ts).
      const ok = passed(trace, scenario) && (incompleteBoot === undefined || scenario.expect !== undefined);
      if (options.out !== undefined) process.stderr.write(`recsim run: wrote ${options.out} (the trace, ${trace.summary.records} records; see it: recsim view ${options.out})\n`);
      if (options.html) {
        writeHtmlReport(trace, options.html);
        process.stderr.write(`recsim run: wrote ${options.html} (a self-contained HTML report; open it in a browser)\n`);
      }
      if (options.json) process.stdout.write(`${JSON.stringify({ ...trace.summary, passed: ok, ...(incompleteBoot ? { incompleteBoot } : {}) }, null, 2)}\n`);
      else process.stdout.write(`${terminalSafe(formatSummary(trace, ok, false, story, incompleteBoot), true)}\n`);
      if (trace.summary.recordsKept !== undefined) {
        process.stderr.write(`note: the report holds the first ${trace.summary.recordsKept} of ${trace.summary.records} records; ` +
          `--out writes the whole trace (streamed to disk)\n`);
      }
      process.exitCode = exitCodeOf(trace, ok);
    });
}
