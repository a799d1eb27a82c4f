import { formatSeeds, parseSeeds } from '../compare/seeds.js';
import { parseShard } from '../shards/read-shard.js';
import { TUNE_PARTIAL_FORMAT, TUNE_PARTIAL_VERSION, tunePartialSchema } from '../shards/schemas.js';
import type { TuneData, TuneHeader } from './data.js';

/** One run: the setting's index, the seed, and its row of metrics. */
export type RunEntry = [setting: number, seed: number, row: number[]];

/** The (setting, seed) pairs of a tune in setting-major order, and the i-th of n contiguous slices of them (1-based). */
export function shardRuns(settings: number, seeds: readonly number[], index: number, count: number): { setting: number; seeds: number[] }[] {
  const total = settings * seeds.length;
  const from = Math.floor(((index - 1) * total) / count);
  const to = Math.floor((index * total) / count);
  const out: { setting: number; seeds: number[] }[] = [];
  for (let k = from; k < to; k++) {
    const setting = Math.floor(k / seeds.length);
    if (out.at(-1)?.setting !== setting) out.push({ setting, seeds: [] });
    out.at(-1)!.seeds.push(seeds[k % seeds.length]!);
  }
  return out;
}

export function serializeTunePartial(header: TuneHeader, shard: { index: number; count: number }, runs: readonly RunEntry[]): string {
  const { seeds, ...rest } = header;
  return `${JSON.stringify({ format: TUNE_PARTIAL_FORMAT, version: TUNE_PARTIAL_VERSION, ...rest, seeds: formatSeeds(seeds), shard, runs })}\n`;
}

/**
 * Reads a shard file, checked against the shared schema of partial results
 * (sim/shards/schemas.ts) before anything is trusted. Throws a ScenarioError
 * naming the file (and line, column and field).
 */
export function parseTunePartial(text: string, file: string): { header: TuneHeader; shard: { index: number; count: number }; runs: RunEntry[] } {
  const json = parseShard(text, file, tunePartialSchema, 'give a file written by `recsim tune --shard i/n`');
  const seeds = json.seeds === '' ? [] : parseSeeds(json.seeds);
  const { scenario, paths, settings, durationsUs, objectives, constraints, shard, runs } = json;
  return {
    header: { scenario, paths, settings, durationsUs, seeds: Array.isArray(seeds) ? seeds : [], objectives, constraints },
    shard,
    runs: runs as RunEntry[],
  };
}

/** Combines the shards of one tune into the data one machine would have: they must ask the same and cover every run exactly once. */
export function mergeTunePartials(parts: readonly { file: string; header: TuneHeader; runs: RunEntry[] }[]): TuneData {
  if (parts.length === 0) throw new Error('nothing to merge');
  const first = parts[0]!;
  const key = JSON.stringify(first.header);
  const seedIndex = new Map(first.header.seeds.map((s, i) => [s, i]));
  const rows: (number[] | undefined)[][] = first.header.settings.map(() => first.header.seeds.map(() => undefined));
  for (const part of parts) {
    if (JSON.stringify(part.header) !== key) throw new Error(`${part.file}: a shard of another tune (scenario, settings, seeds, objectives or constraints differ from ${first.file})`);
    for (const [setting, seed, row] of part.runs) {
      const s = seedIndex.get(seed)!;
      if (rows[setting]![s] !== undefined) throw new Error(`${part.file}: setting ${setting + 1} on seed ${seed} is already in another shard`);
      rows[setting]![s] = row;
    }
  }
  const missing = rows.reduce((n, r) => n + r.filter((x) => x === undefined).length, 0);
  if (missing > 0) throw new Error(`the shards cover ${rows.length * first.header.seeds.length - missing} of ${rows.length * first.header.seeds.length} runs: a shard is missing`);
  return {
    ...first.header,
    search: 'full',
    runs: rows as number[][][],
    droppedAfterRound: rows.map(() => undefined),
    rounds: [first.header.seeds.length],
  };
}
