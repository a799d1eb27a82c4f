import { basename, dirname, join, relative, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { runCampaign, type CampaignResult } from '../../compare/campaign.js';
import { mergePartials, parsePartial, serializePartial } from '../../compare/partial.js';
import { readShardText } from '../../shards/read-shard.js';
import { parseSeeds, shardOf } from '../../compare/seeds.js';
import { shardOption } from '../shard-env.js';
import { formatTable, TABLE_FORMATS, type TableFormat } from '../../compare/table.js';
import { PRESETS, presetNames } from '../../policy/presets/index.js';
import { AS_WRITTEN } from '../../scenario/with-preset.js';
import { loadScenarioFile } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/types.js';
import { campaignVerdictLines, judgeCampaign } from '../../compare/campaign-verdict.js';
import { compareHtml } from '../../report/compare-html.js';
import { writePairRuns, writeSeedRuns, type PairChoice, type SeedChoice } from '../../report/seed-traces.js';
import { UsageError } from '../../io/exit-codes.js';
import { parseChoiceOption, parseWorkersOption } from '../options.js';
import { countProgress } from '../progress.js';
import { terminalSafe } from '../../io/terminal.js';
import { checkOutputFile, checkOutputFolder, writeFileCreatingDirs } from '../../io/write-file.js';

interface CompareOptions {
  policies?: string;
  seeds: string;
  workers?: string;
  format: string;
  out?: string;
  shard?: string;
  shardFromEnv?: boolean;
  shardCount?: string;
  merge?: string[];
  traces?: string;
  traceSeeds: string;
  html?: string;
}

/** `--trace-seeds`: each policy's worst run, or these seeds under every policy. */
function traceChoices(result: CampaignResult, text: string): SeedChoice[] {
  const worstSeed = new Map(result.policies.map((p) => [p.policy, p.worst?.seed]));
  if (text === 'worst') {
    return result.policies.flatMap((p) => (p.worst ? [{ policy: p.policy, seed: p.worst.seed, worst: true }] : []));
  }
  const seeds = checkTraceSeeds(text, result.policies.length);
  return seeds.flatMap((seed) => result.policies.map((p) => ({ policy: p.policy, seed, worst: worstSeed.get(p.policy) === seed })));
}

/** `--trace-seeds` checked before the campaign runs: "worst", or a seed list small enough to write. */
function checkTraceSeeds(text: string, policies: number): number[] {
  if (text === 'worst') return [];
  const seeds = parseSeeds(text);
  if (!Array.isArray(seeds)) throw new UsageError(`--trace-seeds: "worst", or ${seeds.error}`);
  if (seeds.length * policies > TRACES_MAX) throw new UsageError(`--trace-seeds: ${seeds.length} seeds × ${policies} policies is more than ${TRACES_MAX} traces; name fewer seeds`);
  return seeds;
}

/** Every output path, checked before the campaign runs: a folder for --html or --out, a file for --traces, a path under a file. */
function checkOutputs(options: CompareOptions, policies: number): void {
  if (options.out !== undefined) checkOutputFile('--out', options.out);
  if (options.traces !== undefined) {
    checkTraceSeeds(options.traceSeeds, policies);
    checkOutputFolder('--traces', options.traces);
  }
  if (options.html !== undefined) {
    checkOutputFile('--html', options.html);
    checkOutputFolder('--html', join(dirname(options.html), `${basename(options.html).replace(/\.html?$/i, '')}-runs`));
  }
}

/** Writes the traces and the HTML report asked for, and says where they are and how to look at them. */
function writeRuns(file: string, scenario: Scenario, result: CampaignResult, options: CompareOptions): void {
  if (options.traces !== undefined) {
    const runs = writeSeedRuns(scenario, traceChoices(result, options.traceSeeds), { traceDir: options.traces });
    const lines = runs.map((r) => `  ${r.policy.padEnd(26)} seed ${String(r.seed).padEnd(6)} ${r.worst ? 'worst  ' : '       '}${r.trace}`);
    const first = runs[0];
    const other = result.policies.find((p) => p.policy !== first?.policy)?.policy;
    const hint = first && other
      ? [`see one: recsim view ${first.trace}`, `compare it with ${other} on the same faults: recsim run ${file} --policy ${other} --seed ${first.seed} --out b.json && recsim view ${first.trace} b.json`]
      : [];
    process.stderr.write(`compare: wrote ${runs.length} trace${runs.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n${hint.join('\n')}${hint.length ? '\n' : ''}`);
  }
  if (options.html !== undefined) {
    const runsDir = join(dirname(options.html), `${basename(options.html).replace(/\.html?$/i, '')}-runs`);
    const worst = result.policies.flatMap((p) => (p.worst ? [{ policy: p.policy, seed: p.worst.seed, worst: true }] : []));
    const runs = writeSeedRuns(scenario, worst, { htmlDir: runsDir });
    const href = (path: string): string => relative(dirname(options.html!), path).split(sep).join('/');
    const pairs = writePairRuns(scenario, pairsOfWorst(result), runsDir);
    const links = new Map(runs.map((r) => {
      const pair = pairs.find((p) => p.a === r.policy);
      return [r.policy, { seed: r.seed, href: href(r.html!), ...(pair ? { pair: { against: pair.b, href: href(pair.html) } } : {}) }];
    }));
    writeFileCreatingDirs(options.html, compareHtml(result, links), '--html');
    process.stderr.write(`compare: wrote ${options.html} (plots, the verdict, and each policy's worst run as a timeline, alone and beside the best policy on the same seed, in ${runsDir}${sep})\n`);
  }
}

/**
 * A scenario with no faults (what `recsim import` writes) runs the same under
 * every policy: the columns come out identical. Say so, and say how to add
 * faults, rather than let equal columns read as "the policies are equal".
 */
export function noFaultsNote(scenario: Scenario, file: string): string | undefined {
  if (scenario.faults.length > 0) return undefined;
  const name = scenario.components[0]?.name ?? '<component>';
  return `compare: ${file} has no faults, so every policy runs the same and the columns are identical: nothing here tells the policies apart.\n` +
    `  Add faults: re-import with --crash ${name} (repeatable) and --crash-rate 120/h, or --crash-at 30s for one scripted crash; ` +
    `--crash-signal abort ends the process by a signal (needed by Restart=on-abort/on-abnormal), or write a \`faults:\` block.`;
}

/**
 * Each policy's worst seed, run again beside the best policy (the verdict's;
 * for the best itself, the runner-up it beat first): A and B on the same
 * faults, so the report links what made the worst run worse.
 */
function pairsOfWorst(result: CampaignResult): PairChoice[] {
  if (result.policies.length < 2) return [];
  const judged = judgeCampaign(result);
  const best = judged.names[judged.best]!;
  const runnerUp = judged.names[judged.against[0]!.index]!;
  return result.policies.flatMap((p) => (p.worst ? [{ a: p.policy, b: p.policy === best ? runnerUp : best, seed: p.worst.seed }] : []));
}

const DEFAULT_POLICIES = PRESETS.filter((p) => p.comparedByDefault).map((p) => p.name);
/** Traces --trace-seeds may ask for at once: each is a whole run written to disk. */
const TRACES_MAX = 200;

function parsePolicies(text: string | undefined): string[] {
  if (text === undefined) return DEFAULT_POLICIES;
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new UsageError('--policies: name at least one policy');
  const known = [AS_WRITTEN, ...presetNames];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new UsageError(`--policies: unknown policy "${unknown[0]}" (known: ${known.join(', ')})`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new UsageError(`--policies: "${dup}" is named twice`);
  return names;
}

/** Progress on a terminal only: one line rewritten in place, with the run rate. */
function progressReporter(): { onProgress?: (done: number, total: number) => void; finish: () => void } {
  if (!process.stderr.isTTY) return { finish: () => {} };
  const startMs = Date.now();
  let lastMs = 0;
  return {
    onProgress: (done, total) => {
      const now = Date.now();
      if (now - lastMs < 100 && done < total) return;
      lastMs = now;
      process.stderr.write(`\r\x1b[2K${countProgress(done, total, startMs, 'compare: runs')}`);
    },
    finish: () => process.stderr.write(`\rcompare: done in ${((Date.now() - startMs) / 1000).toFixed(1)} s${' '.repeat(20)}\n`),
  };
}

/** The verdict (sim/compare/verdict.ts) under a table meant for reading; on stderr, so the table stays as it was for tools. */
function sayVerdict(result: CampaignResult, format: TableFormat): void {
  if (format !== 'text' && format !== 'markdown') return;
  const lines = campaignVerdictLines(result);
  if (lines.length > 0) process.stderr.write(terminalSafe(`${lines.join('\n')}\n`, true));
}

function emit(text: string, out: string | undefined): void {
  if (out) writeFileCreatingDirs(out, text, '--out');
  else process.stdout.write(terminalSafe(text, true));
}

function readPartials(files: readonly string[]): CampaignResult {
  // Each file is read and checked like any input (bounded, regular files only, the shared schema): its problems name it.
  const parts = files.map((file) => ({ file, result: parsePartial(readShardText(file, 'shard file'), file) }));
  try {
    return mergePartials(parts);
  } catch (error) {
    throw new UsageError(`--merge: ${(error as Error).message}`);
  }
}

export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description('run the same fault schedules under several recovery policies and compare them')
    .argument('[scenario]', 'scenario file (YAML or JSON); not with --merge')
    .option('--policies <a,b,c>', `policy presets to compare, or "${AS_WRITTEN}" for the file's own policies (default: ${DEFAULT_POLICIES.join(',')})`)
    .option('--seeds <list>', 'seeds to run under every policy, e.g. 1..1000 or 1,5,9', '1..100')
    .option('--workers <n>', 'worker threads (default: the number of cores; 0 runs in this thread)')
    .option('--format <format>', `output format: ${TABLE_FORMATS.join(', ')}`, 'text')
    .option('--out <file>', 'write the output to a file instead of stdout')
    .option('--shard <i/n>', 'run only the i-th of n slices of the seeds and write a partial result (JSON) for --merge')
    .option('--shard-from-env', 'take the shard from a Kubernetes Indexed Job, a Slurm or AWS Batch array job, or GNU parallel (see --shard-count)')
    .option('--shard-count <n>', 'with --shard-from-env: the number of shards where the engine does not say it')
    .option('--merge <files...>', 'combine partial results written with --shard and print the table')
    .option('--traces <dir>', 'also write the traces of chosen runs to this folder (see --trace-seeds), to look at with `recsim view`')
    .option('--trace-seeds <worst|list>', 'which runs --traces writes: "worst" (each policy\'s worst run) or seeds such as 7 or 1..3 (under every policy)', 'worst')
    .option('--html <report.html>', "also write the comparison as a page: plots with confidence intervals, each policy's worst run linked to its timeline")
    .addHelpText('after', `\nPresets: ${presetNames.join(', ')}.\nSame command, same numbers: results depend only on the scenario, the policies and the seeds.`)
    .action(async (file: string | undefined, options: CompareOptions) => {
      const format = parseChoiceOption('--format', options.format, TABLE_FORMATS);
      const shard = shardOption(options);
      if ((options.traces !== undefined || options.html !== undefined) && (options.merge || shard)) {
        throw new UsageError('--traces and --html re-run chosen seeds of the scenario: run them without --shard or --merge');
      }
      if (options.merge) {
        if (file !== undefined) throw new UsageError('--merge combines shard files; do not name a scenario as well');
        if (shard) throw new UsageError('--merge and --shard do not go together');
        if (options.out !== undefined) checkOutputFile('--out', options.out);
        const merged = readPartials(options.merge);
        emit(formatTable(merged, format), options.out);
        sayVerdict(merged, format);
        return;
      }
      if (file === undefined) throw new UsageError('compare: name a scenario file (or --merge shard files)');
      const policies = parsePolicies(options.policies);
      const seedsParsed = parseSeeds(options.seeds);
      if (!Array.isArray(seedsParsed)) throw new UsageError(`--seeds: ${seedsParsed.error}`);
      let seeds = seedsParsed;
      if (shard) {
        if (options.format !== 'text' && format !== 'json') throw new UsageError('--shard writes a partial result as JSON; --format does not apply');
        seeds = shardOf(seeds, shard.index, shard.count);
      }
      const workers = parseWorkersOption(options.workers, availableParallelism());
      checkOutputs(options, policies.length);
      const scenario = loadScenarioFile(file);
      const progress = progressReporter();
      const result = await runCampaign(scenario, { policies, seeds, workers, onProgress: progress.onProgress });
      progress.finish();
      emit(shard ? serializePartial(result) : formatTable(result, format), options.out);
      if (!shard) {
        sayVerdict(result, format);
        const note = noFaultsNote(scenario, file);
        if (note !== undefined) for (const line of note.split('\n')) process.stderr.write(`${terminalSafe(line)}\n`);
      }
      writeRuns(file, scenario, result, options);
    });
}
