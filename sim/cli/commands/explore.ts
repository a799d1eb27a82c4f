import { basename, extname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { INVARIANTS } from '../../checks/invariants.js';
import { formatDuration, formatInstant } from '../../engine/time.js';
import { describeFault } from '../../explore/fault-file.js';
import { EXPLORE_DEFAULTS, explore, livenessNotJudgedLine, type ExploreProgress, type ExploreReport } from '../../explore/explore.js';
import { minimalScenarioYaml, replaysFinding } from '../../explore/write-scenario.js';
import { DEFAULT_EXPLORE_FAULT_KINDS, EXPLORE_FAULT_KINDS, parseFaultKinds, type ExploreFaultKind } from '../../explore/vocabulary.js';
import { loadScenarioFile } from '../../scenario/load.js';
import { serializeTrace } from '../../trace/serialize.js';
import { countProgress } from '../progress.js';
import { terminalSafe } from '../../io/terminal.js';
import { EXIT, UsageError } from '../../io/exit-codes.js';
import { parseSeedOption } from '../options.js';
import { checkFolderPath, writeFileCreatingDirs } from '../../io/write-file.js';
import { checkExhaustiveOnlyFlags, exhaustiveKinds, runExhaustiveCommand, type ExhaustiveCliOptions } from './explore-exhaustive.js';

interface ExploreCliOptions extends ExhaustiveCliOptions {
  exhaustive?: boolean;
  kinds?: string;
  runs: string;
  seed?: string;
  faults?: string;
  swarm?: boolean;
  maxFaults: string;
  outDir: string;
  checkDeterminism?: boolean;
  policy?: boolean;
}

const SEED_MAX = 2 ** 31 - 1;

/** The invariants that judge a policy rather than the model, from the registry. */
const POLICY_INVARIANTS = INVARIANTS.filter((inv) => inv.kind === 'policy').map((inv) => inv.id);

function parseCount(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

/** `flag`: the flag the kinds came from (--faults, or --kinds with --exhaustive), so the message names what the user typed. */
function parseKinds(text: string | undefined, flag = '--faults'): ExploreFaultKind[] {
  if (text === undefined) return [...DEFAULT_EXPLORE_FAULT_KINDS];
  const parsed = parseFaultKinds(text);
  if ('unknown' in parsed) {
    throw new UsageError(`${flag}: unknown fault kind ${parsed.unknown.map((k) => `"${k}"`).join(', ')} (kinds: ${EXPLORE_FAULT_KINDS.join(', ')})`);
  }
  if (parsed.kinds.length === 0) throw new UsageError(`${flag}: name at least one kind (kinds: ${EXPLORE_FAULT_KINDS.join(', ')})`);
  return parsed.kinds;
}

/** The default kinds, as `all` when they are every kind, else the list. */
function defaultKindsHelp(): string {
  return DEFAULT_EXPLORE_FAULT_KINDS.length === EXPLORE_FAULT_KINDS.length ? 'all' : DEFAULT_EXPLORE_FAULT_KINDS.join(',');
}

/** A progress line on a terminal, at most ten times a second: the wall clock lives here, never under sim/ proper. */
function progressPrinter(): { update(p: ExploreProgress): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  const startMs = Date.now();
  let lastMs = 0;
  return {
    update(p) {
      if (!tty) return;
      const now = Date.now();
      if (now - lastMs < 100 && p.run !== p.runs) return;
      lastMs = now;
      const text = p.phase === 'search'
        ? countProgress(p.run, p.runs, startMs, 'explore: runs')
        : `explore: shrinking, ${p.shrinkTries} candidates tried`;
      process.stderr.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[2K');
    },
  };
}

function searchCommand(file: string, seed: number, runs: number, o: ExploreCliOptions, kinds: ExploreFaultKind[]): string {
  const parts = ['recsim explore', file, `--seed ${seed}`, `--runs ${runs}`];
  if (o.faults !== undefined) parts.push(`--faults ${kinds.join(',')}`);
  if (o.swarm) parts.push('--swarm');
  if (o.maxFaults !== String(EXPLORE_DEFAULTS.maxFaults)) parts.push(`--max-faults ${o.maxFaults}`);
  if (o.checkDeterminism) parts.push('--check-determinism');
  if (o.policy) parts.push('--policy');
  return parts.join(' ');
}

function formatTried(report: ExploreReport, wallMs: number): string[] {
  const kinds = Object.entries(report.kindsTried).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
  const triggers = Object.entries(report.triggersTried).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
  const lines = [
    `Tried: ${report.runsDone} of ${report.runsPlanned} runs, ${report.faultsTried} faults (${kinds || 'none'}); triggers: ${triggers || 'none'}`,
    `       ${report.eventsSimulated} events over ${formatDuration(report.virtualUs)} of virtual time in ${(wallMs / 1000).toFixed(1)}s ` +
      `(${(report.runsDone / Math.max(0.001, wallMs / 1000)).toFixed(1)} runs/s); event budget ${report.eventBudget} per run` +
      (report.budgetExhaustedRuns > 0 ? `, exhausted in ${report.budgetExhaustedRuns}` : ''),
    `       faults in [0, ${formatInstant(report.windowUs)}], then a heal phase` +
      (report.livenessJudged ? '' : ' too short for the recovery bound: liveness not judged (raise `duration`)') +
      (report.swarm ? '; swarm: each run drew a subset of the kinds' : '') +
      (report.checkDeterminism ? '; every case run twice and compared' : ''),
  ];
  const policy = Object.entries(report.policyViolations).sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => `${id} in ${n} run${n === 1 ? '' : 's'}`);
  if (policy.length > 0) lines.push(`       policy invariants broken, not counted as findings (--policy counts them): ${policy.join(', ')}`);
  return lines;
}

export function registerExploreCommand(program: Command): void {
  program
    .command('explore')
    .description("search for a fault schedule that breaks an invariant, keeping the scenario's system and policies; shrink it and write it as a scenario")
    .argument('<scenario>', 'scenario file (YAML or JSON); its faults and expect block are replaced')
    .option('--runs <n>', 'fault schedules to try', String(EXPLORE_DEFAULTS.runs))
    .option('--seed <n>', 'seed of the search (default: a fresh one, printed)')
    .option('--faults <kinds>', `comma-separated fault kinds to draw from: ${EXPLORE_FAULT_KINDS.join(',')} (default: ${defaultKindsHelp()})`)
    .option('--swarm', 'each run draws from a random subset of the fault kinds (swarm testing)')
    .option('--max-faults <n>', 'faults per schedule, at most', String(EXPLORE_DEFAULTS.maxFaults))
    .option('--out-dir <dir>', 'where the minimal scenario and its trace are written', 'explore-out')
    .option('--check-determinism', 'run every case twice and report the first record where the traces differ')
    .option('--policy', `count policy invariants (${POLICY_INVARIANTS.join(', ')}) as findings too: search for a flaw of the scenario's policies, not only of the model`)
    .option('--exhaustive', 'instead of sampling: every fault of the kinds on every target at every decision point of the run (and pairs with --depth 2), deduplicated by state')
    .option('--kinds <kinds>', 'with --exhaustive: the fault kinds tried, as --faults, or `all` (default: the default kinds)')
    .option('--depth <n>', 'with --exhaustive: 1 (single faults, default) or 2 (a second fault while recovery from the first is under way)')
    .option('--targets <which>', "with --exhaustive --depth 2: the second fault's targets, `neighbourhood` of the first (default) or `all`")
    .option('--keep-faults', "with --exhaustive: keep the scenario's own faults as the background (default: removed)")
    .option('--no-dedup', 'with --exhaustive: run every case, even one whose state was already explored')
    .option('--json', 'with --exhaustive: print the result as JSON')
    .option('--shard <i/n>', 'with --exhaustive: run only the i-th of n slices of the cases and print a partial result (JSON) for --merge')
    .option('--shard-from-env', 'with --exhaustive: take the shard from a Kubernetes Indexed Job, a Slurm or AWS Batch array job, or GNU parallel (see --shard-count)')
    .option('--shard-count <n>', 'with --shard-from-env: the number of shards where the engine does not say it')
    .option('--merge <files...>', 'with --exhaustive: combine partial results written with --shard and report them')
    .option('--workers <n>', 'with --exhaustive: worker threads (default: the number of cores)')
    .option('--report', 'with --exhaustive (depth 1): what each single fault costs, one row per fault (kind x target) at its costliest point, single points of failure first; each row written as a scenario `recsim run` replays')
    .option('--format <format>', 'with --report: text (default), json, csv or markdown')
    .option('--html <file>', "with --report: also write the report as a page, each row linking its run's timeline")
    .addHelpText('after', '\nExit codes: 0 nothing found, 1 a failure found (minimal scenario written), 2 bad input.')
    .action(async (file: string, o: ExploreCliOptions) => {
      if (o.exhaustive) {
        if (o.faults !== undefined && o.kinds !== undefined) throw new UsageError('--faults and --kinds name the same thing: use one');
        const kindsText = o.kinds ?? o.faults;
        const kinds = kindsText?.trim() === 'all' ? exhaustiveKinds([], 'all') : parseKinds(kindsText, o.kinds !== undefined ? '--kinds' : '--faults');
        checkFolderPath('--out-dir', o.outDir);
        const scenario = loadScenarioFile(file);
        await runExhaustiveCommand(file, scenario, kinds, kindsText, o);
        return;
      }
      if (o.kinds !== undefined) throw new UsageError('--kinds: only with --exhaustive (random explore draws from --faults)');
      checkExhaustiveOnlyFlags(o);
      const runs = parseCount('--runs', o.runs, 1, 10_000_000);
      const maxFaults = parseCount('--max-faults', o.maxFaults, 1, 50);
      const kinds = parseKinds(o.faults);
      const seed = o.seed === undefined ? Date.now() % SEED_MAX : parseSeedOption(o.seed);
      if (seed > SEED_MAX) throw new UsageError(`--seed: at most ${SEED_MAX}, got ${seed}`);
      checkFolderPath('--out-dir', o.outDir);
      const scenario = loadScenarioFile(file);
      const sourceText = readFileSync(file, 'utf8');
      const command = searchCommand(file, seed, runs, o, kinds);

      process.stdout.write(`${terminalSafe(`Exploring ${file} (${scenario.name}): seed ${seed}`)}\n`);
      const progress = progressPrinter();
      const startMs = Date.now();
      const report = explore(scenario, { seed, runs, kinds, swarm: o.swarm ?? false, maxFaults, checkDeterminism: o.checkDeterminism ?? false, policy: o.policy ?? false }, {
        onProgress: (p) => progress.update(p),
      });
      progress.done();
      const out = formatTried(report, Date.now() - startMs);

      const finding = report.finding;
      if (!finding) {
        if (!report.livenessJudged) out.push(livenessNotJudgedLine(scenario, formatDuration));
        out.push(report.livenessJudged ? 'Result: no violation found' : 'Result: no violation found (safety only: liveness not judged)', `Replay the search: ${command}`);
        process.stdout.write(`${terminalSafe(out.join('\n'), true)}\n`);
        process.exitCode = EXIT.ok;
        return;
      }
      const f = finding.failure;
      const what = f.kind === 'violation' ? f.invariant : f.kind === 'divergence' ? 'nondeterminism' : 'simulator-exception';
      out.push('');
      if (f.kind === 'violation') out.push(`FOUND ${f.violation.kind} violation ${f.invariant} in run ${finding.run}: ${f.violation.message}`);
      else if (f.kind === 'divergence') {
        out.push(`FOUND nondeterminism in run ${finding.run}: two runs of the same case differ first at record ${f.divergence.recordIndex}`,
          `  first:  ${f.divergence.first}`, `  second: ${f.divergence.second}`);
      } else out.push(`FOUND the simulator throwing in run ${finding.run}: ${f.message} (a model bug: please report it with the scenario below)`);
      out.push(`Shrunk from ${finding.original.length} to ${finding.minimal.length} fault${finding.minimal.length === 1 ? '' : 's'} (${finding.shrinkTries} candidate runs):`);
      for (const fault of finding.minimal) out.push(`  - ${describeFault(fault)}`);

      const stem = join(o.outDir, `${basename(file, extname(file))}.${what}`);
      const yamlText = minimalScenarioYaml(finding, scenario, { sourceText, sourceFile: file, searchCommand: command });
      writeFileCreatingDirs(`${stem}.yaml`, yamlText, '--out-dir');
      writeFileCreatingDirs(`${stem}.trace.json`, serializeTrace(finding.trace), '--out-dir');
      out.push(`Wrote ${stem}.yaml and ${stem}.trace.json`);
      if (f.kind === 'violation') {
        const replay = replaysFinding(yamlText, `${stem}.yaml`, finding);
        out.push(replay.ok ? `Replay the failure: recsim run ${stem}.yaml  (reproduces: checked)` : `Replay check FAILED: ${replay.why}`);
      }
      out.push(`Replay the search:  ${command}`);
      if (finding.path !== null) out.push(`fast-check: { seed: ${seed}, path: "${finding.path}" }`);
      process.stdout.write(`${terminalSafe(out.join('\n'), true)}\n`);
      process.exitCode = EXIT.checkFailed;
    });
}
