import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { runCampaign, type CampaignResult } from '../../compare/campaign.js';
import { mergePartials, parsePartial, serializePartial } from '../../compare/partial.js';
import { parseSeeds, parseShard, shardOf } from '../../compare/seeds.js';
import { formatTable, TABLE_FORMATS, type TableFormat } from '../../compare/table.js';
import { PRESETS, presetNames } from '../../policy/presets/index.js';
import { AS_WRITTEN } from '../../scenario/with-preset.js';
import { loadScenarioFile } from '../../scenario/load.js';
import { UsageError } from '../exit-codes.js';
import { writeFileCreatingDirs } from '../write-file.js';

interface CompareOptions {
  policies?: string;
  seeds: string;
  workers?: string;
  format: string;
  out?: string;
  shard?: string;
  merge?: string[];
}

const DEFAULT_POLICIES = PRESETS.filter((p) => p.comparedByDefault).map((p) => p.name);

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

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  if (!/^\d+$/.test(text) || Number(text) > 256) throw new UsageError(`--workers: expected a number of threads from 0 (no threads) to 256, got "${text}"`);
  return Number(text);
}

function parseFormat(text: string): TableFormat {
  if (!(TABLE_FORMATS as readonly string[]).includes(text)) throw new UsageError(`--format: expected one of ${TABLE_FORMATS.join(', ')}, got "${text}"`);
  return text as TableFormat;
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
      const rate = done / Math.max(0.001, (now - startMs) / 1000);
      process.stderr.write(`\rcompare: ${done}/${total} runs, ${rate.toFixed(0)} runs/s `);
    },
    finish: () => process.stderr.write(`\rcompare: done in ${((Date.now() - startMs) / 1000).toFixed(1)} s${' '.repeat(20)}\n`),
  };
}

function emit(text: string, out: string | undefined): void {
  if (out) writeFileCreatingDirs(out, text);
  else process.stdout.write(text);
}

function readPartials(files: readonly string[]): CampaignResult {
  const parts = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`--merge: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
    }
    try {
      return { file, result: parsePartial(text, file) };
    } catch (error) {
      throw new UsageError(`--merge: ${(error as Error).message}`);
    }
  });
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
    .option('--merge <files...>', 'combine partial results written with --shard and print the table')
    .addHelpText('after', `\nPresets: ${presetNames.join(', ')}.\nSame command, same numbers: results depend only on the scenario, the policies and the seeds.`)
    .action(async (file: string | undefined, options: CompareOptions) => {
      const format = parseFormat(options.format);
      if (options.merge) {
        if (file !== undefined) throw new UsageError('--merge combines shard files; do not name a scenario as well');
        if (options.shard) throw new UsageError('--merge and --shard do not go together');
        emit(formatTable(readPartials(options.merge), format), options.out);
        return;
      }
      if (file === undefined) throw new UsageError('compare: name a scenario file (or --merge shard files)');
      const policies = parsePolicies(options.policies);
      const seedsParsed = parseSeeds(options.seeds);
      if (!Array.isArray(seedsParsed)) throw new UsageError(`--seeds: ${seedsParsed.error}`);
      let seeds = seedsParsed;
      if (options.shard !== undefined) {
        const shard = parseShard(options.shard);
        if ('error' in shard) throw new UsageError(`--shard: ${shard.error}`);
        if (options.format !== 'text' && format !== 'json') throw new UsageError('--shard writes a partial result as JSON; --format does not apply');
        seeds = shardOf(seeds, shard.index, shard.count);
      }
      const workers = parseWorkers(options.workers);
      const scenario = loadScenarioFile(file);
      const progress = progressReporter();
      const result = await runCampaign(scenario, { policies, seeds, workers, onProgress: progress.onProgress });
      progress.finish();
      emit(options.shard !== undefined ? serializePartial(result) : formatTable(result, format), options.out);
    });
}
