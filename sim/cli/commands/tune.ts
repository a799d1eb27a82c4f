import { closeSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Command } from 'commander';
import { LineCounter, parseDocument } from 'yaml';
import { parseSeeds } from '../../compare/seeds.js';
import { ScenarioError } from '../../format/errors.js';
import { loadScenarioFile, parseScenario } from '../../scenario/load.js';
import { MAX_SCENARIO_BYTES, readTextFile } from '../../scenario/read-text.js';
import type { Scenario } from '../../scenario/types.js';
import { parseConstraint, parseObjectives, DEFAULT_OBJECTIVES, METRIC_KEYS, type Objective } from '../../tune/objectives.js';
import type { TuneHeader } from '../../tune/data.js';
import { mergeTunePartials, parseTunePartial, serializeTunePartial, shardRuns, type RunEntry } from '../../tune/partial.js';
import { runJobs } from '../../tune/pool.js';
import { analyze, formatTune, TUNE_FORMATS, type TuneData } from '../../tune/report.js';
import { fullSearch, halvingSearch } from '../../tune/search.js';
import { tuneHtml, worstSeedOf } from '../../tune/html.js';
import { readShardText } from '../../shards/read-shard.js';
import { documentWith, parseVary, settingError, VaryError, type Vary } from '../../tune/vary.js';
import { writeSeedRuns } from '../../report/seed-traces.js';
import { AS_WRITTEN } from '../../scenario/with-preset.js';
import { UsageError } from '../../io/exit-codes.js';
import { parseChoiceOption, parseWorkersOption } from '../options.js';
import { countProgress, progressLine } from '../progress.js';
import { shardOption } from '../shard-env.js';
import { terminalSafe } from '../../io/terminal.js';
import { openOutputFile, writeFileCreatingDirs } from '../../io/write-file.js';

interface TuneOptions {
  vary?: string[];
  seeds: string;
  objective: string;
  constraint?: string[];
  search: string;
  workers?: string;
  format: string;
  out?: string;
  html?: string;
  shard?: string;
  shardFromEnv?: boolean;
  shardCount?: string;
  merge?: string[];
}

/** A cross product larger than this is refused: each setting is a scenario held in memory and run on every seed. */
export const MAX_SETTINGS = 10_000;

function crossProduct(varies: readonly Vary[]): string[][] {
  return varies.reduce<string[][]>((acc, v) => acc.flatMap((prefix) => v.values.map((value) => [...prefix, value])), [[]]);
}

/** Every setting as a scenario, loaded through the same checks as a file: a value the field refuses is exit 2 naming the flag. */
function settingScenarios(file: string, varies: readonly Vary[], settings: readonly string[][], doc: ReturnType<typeof parseDocument>): Scenario[] {
  return settings.map((values) => {
    try {
      return parseScenario(String(documentWith(doc, varies, values)), file);
    } catch (error) {
      if (error instanceof ScenarioError) throw new UsageError(settingError(error, varies, values));
      throw error;
    }
  });
}

/** An output file opened (and so checked) before the work starts; written at the end. */
function outputTarget(flag: string, path: string | undefined): { write: (text: string) => void } {
  if (path === undefined) return { write: (text) => process.stdout.write(terminalSafe(text, true)) };
  const fd = openOutputFile(flag, path);
  return {
    write: (text) => {
      writeSync(fd, text);
      closeSync(fd);
    },
  };
}

function readPartials(files: readonly string[]): TuneData {
  const parts = files.map((file) => {
    try {
      // Read like every other partial result (bounded, regular files only: sim/shards/read-shard.ts).
      return { file, ...parseTunePartial(readShardText(file, 'tune shard'), file) };
    } catch (error) {
      throw new UsageError(`--merge: ${(error as Error).message}`);
    }
  });
  try {
    return mergeTunePartials(parts);
  } catch (error) {
    throw new UsageError(`--merge: ${(error as Error).message}`);
  }
}

/** Progress on a terminal only: round, settings left, runs done, rate and ETA. */
function progress(total: number): { onRun: () => void; onRound: (round: number, alive: number, seeds: number) => void; finish: (done: number) => void } {
  const line = progressLine();
  const startMs = Date.now();
  let done = 0;
  let round = '';
  return {
    onRun: () => {
      done++;
      line.update(() => `tune: ${round}${countProgress(done, total, startMs, 'runs')}`);
    },
    onRound: (r, alive, seeds) => {
      round = `round ${r}, ${alive} settings on ${seeds} seeds, `;
    },
    finish: (runs) => {
      line.done();
      if (process.stderr.isTTY) process.stderr.write(`tune: ${runs} runs in ${((Date.now() - startMs) / 1000).toFixed(1)} s\n`);
    },
  };
}

export function registerTuneCommand(program: Command): void {
  program
    .command('tune')
    .description('vary policy parameters (RestartSec, a start limit, a backoff, probe settings...) over the same fault schedules and find the Pareto front')
    .argument('[scenario]', 'scenario file (YAML or JSON); not with --merge')
    .option('--vary <path=values...>', 'a field and its values, e.g. e1000d.restart.delay=1s,5s,30s, svc.start_limit.burst=1..10, *.restart.delay=100ms..60s:log8, system.stop_timeout=0..10s:lin5 (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--seeds <list>', 'seeds every setting runs on, e.g. 1..200', '1..100')
    .option('--objective <list>', `objectives, <metric>:max|min (metrics: ${METRIC_KEYS.join(', ')})`, DEFAULT_OBJECTIVES)
    .option('--constraint <expr>', 'a bound a recommended setting must meet on its mean, e.g. "reboots<=0.1/day", "availability>=99.5%" (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--search <kind>', 'full (every setting on every seed) or halving (drop dominated settings early, doubling the seeds of the rest)', 'full')
    .option('--workers <n>', 'worker threads (default: the number of cores; 0 runs in this thread)')
    .option('--format <format>', `output format: ${TUNE_FORMATS.join(', ')}`, 'text')
    .option('--out <file>', 'write the output to a file instead of stdout')
    .option('--html <report.html>', "also write a page: the Pareto plot with intervals, a heat map when two parameters vary, each Pareto setting's worst seed linked to its timeline")
    .option('--shard <i/n>', 'run only the i-th of n slices of the runs (full search) and write a partial result for --merge')
    .option('--shard-from-env', 'take the shard from a Kubernetes Indexed Job, a Slurm or AWS Batch array job, or GNU parallel (see --shard-count)')
    .option('--shard-count <n>', 'with --shard-from-env: the number of shards, where the engine does not say it (Kubernetes completions, AWS Batch array size, GNU parallel jobs)')
    .option('--merge <files...>', 'combine partial results written with --shard and print the result')
    .addHelpText('after', '\nEvery setting runs the same seeds, and a seed gives the same faults under every setting, so differences are paired.\nA setting is dropped from the Pareto front only when another is better with 95 % confidence.\nSame command, same output, on one machine or merged from shards.')
    .action(async (file: string | undefined, options: TuneOptions) => {
      const format = parseChoiceOption('--format', options.format, TUNE_FORMATS);
      const shard = shardOption(options);
      if (options.merge) {
        if (file !== undefined) throw new UsageError('--merge combines shard files; do not name a scenario as well');
        if (shard) throw new UsageError('--merge and --shard do not go together');
        if (options.html !== undefined) throw new UsageError('--html re-runs worst seeds of the scenario: run it without --merge');
        const out = outputTarget('--out', options.out);
        out.write(formatTune(analyze(readPartials(options.merge)), format));
        return;
      }
      if (file === undefined) throw new UsageError('tune: name a scenario file (or --merge shard files)');
      if (!options.vary || options.vary.length === 0) throw new UsageError('tune: say what to vary, e.g. --vary e1000d.restart.delay=1s,5s,30s');
      if (options.search !== 'full' && options.search !== 'halving') throw new UsageError(`--search: expected full or halving, got "${options.search}"`);
      if (shard && options.search === 'halving') throw new UsageError('--search halving decides each round from all the results so far: shard a full search, or run halving on one machine');
      if (shard && options.html !== undefined) throw new UsageError('--html re-runs worst seeds of the scenario: run it without --shard');
      const seeds = parseSeeds(options.seeds);
      if (!Array.isArray(seeds)) throw new UsageError(`--seeds: ${seeds.error}`);
      if (seeds.length === 0) throw new UsageError('--seeds: name at least one seed');
      const objectives = parseObjectives(options.objective);
      if ('error' in objectives) throw new UsageError(`--objective: ${objectives.error}`);
      const workers = parseWorkersOption(options.workers, availableParallelism());

      const base = loadScenarioFile(file); // positioned errors for the file itself
      const read = readTextFile(file, MAX_SCENARIO_BYTES, 'scenario file');
      if ('problem' in read) throw new UsageError(`${file}: ${read.problem}`);
      const doc = parseDocument(read.text, { lineCounter: new LineCounter() });
      const varies = options.vary.map((flag) => {
        try {
          return parseVary(flag, doc);
        } catch (error) {
          if (error instanceof VaryError) throw new UsageError(`--vary ${flag}: ${error.message}`);
          throw error;
        }
      });
      const dupPath = varies.find((v, i) => varies.findIndex((w) => w.path === v.path) !== i);
      if (dupPath) throw new UsageError(`--vary: "${dupPath.path}" is varied twice`);
      const count = varies.reduce((n, v) => n * v.values.length, 1);
      if (count > MAX_SETTINGS) throw new UsageError(`--vary: ${varies.map((v) => v.values.length).join(' x ')} = ${count} settings is more than ${MAX_SETTINGS}; vary fewer values`);
      const settings = crossProduct(varies);
      const scenarios = settingScenarios(file, varies, settings, doc);
      for (const text of options.constraint ?? []) {
        const c = parseConstraint(text, base.durationUs);
        if ('error' in c) throw new UsageError(`--constraint: ${c.error}`);
      }
      const out = outputTarget('--out', options.out);
      if (options.html !== undefined) openOutputFile('--html', options.html);
      const header: TuneHeader = {
        scenario: base.name,
        paths: varies.map((v) => v.path),
        settings,
        durationsUs: scenarios.map((s) => s.durationUs),
        seeds,
        objectives: objectives.map((o: Objective) => `${o.key}:${o.better}`).join(','),
        constraints: options.constraint ?? [],
      };

      if (shard) {
        const jobs = shardRuns(settings.length, seeds, shard.index, shard.count);
        const p = progress(jobs.reduce((n, j) => n + j.seeds.length, 0));
        const results = await runJobs(scenarios, jobs, workers, p.onRun);
        const runs: RunEntry[] = jobs.flatMap((job, k) => job.seeds.map((seed, s): RunEntry => [job.setting, seed, results[k]![s]!]));
        p.finish(runs.length);
        out.write(serializeTunePartial(header, shard, runs));
        return;
      }

      const p = progress(settings.length * seeds.length);
      const searchOptions = { workers, onRun: p.onRun, onRound: p.onRound };
      const searched = options.search === 'halving' ? await halvingSearch(scenarios, seeds, objectives, searchOptions) : await fullSearch(scenarios, seeds, searchOptions);
      const data: TuneData = { ...header, search: options.search, ...searched };
      const report = analyze(data);
      p.finish(report.runsDone);
      out.write(formatTune(report, format));
      if (options.html !== undefined) {
        const runsDir = join(dirname(options.html), `${basename(options.html).replace(/\.html?$/i, '')}-runs`);
        const links = new Map<number, { seed: number; href: string }>();
        for (const i of report.pareto) {
          const seed = worstSeedOf(report, i, objectives[0]!);
          const [run] = writeSeedRuns(scenarios[i]!, [{ policy: AS_WRITTEN, seed, worst: true }], { htmlDir: join(runsDir, `setting-${i + 1}`) });
          links.set(i, { seed, href: relative(dirname(options.html), run!.html!).split(sep).join('/') });
        }
        writeFileCreatingDirs(options.html, tuneHtml(report, links));
        process.stderr.write(`tune: wrote ${options.html} (the Pareto plot, and each Pareto setting's worst run as a timeline in ${runsDir}${sep})\n`);
      }
    });
}
