import { formatSeeds, parseSeeds } from '../compare/seeds.js';
import { TUNE_METRICS } from './objectives.js';
import type { TuneData, TuneHeader } from './data.js';

export const TUNE_PARTIAL_FORMAT = 'recsim-tune-partial';
export const TUNE_PARTIAL_VERSION = 1;

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

class Damaged extends Error {}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Damaged(what);
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Reads a shard file, checking every field: a partial is input like any other. Throws an Error naming the file. */
export function parseTunePartial(text: string, file: string): { header: TuneHeader; shard: { index: number; count: number }; runs: RunEntry[] } {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${file}: not JSON (expected a file written by \`recsim tune --shard i/n\`)`);
  }
  if (json === null || typeof json !== 'object' || json.format !== TUNE_PARTIAL_FORMAT) throw new Error(`${file}: not a tune shard (expected "format": "${TUNE_PARTIAL_FORMAT}")`);
  if (json.version !== TUNE_PARTIAL_VERSION) throw new Error(`${file}: tune shard version ${String(json.version)}, this recsim reads version ${TUNE_PARTIAL_VERSION}`);
  try {
    check(typeof json.scenario === 'string', '"scenario" is not text');
    check(isStringArray(json.paths), '"paths" is not a list of text');
    const paths = json.paths as string[];
    check(Array.isArray(json.settings) && (json.settings as unknown[]).every((s) => isStringArray(s) && s.length === paths.length), '"settings" is not a list of value lists, one value per path');
    const settings = json.settings as string[][];
    check(Array.isArray(json.durationsUs) && (json.durationsUs as unknown[]).length === settings.length && (json.durationsUs as unknown[]).every((d) => Number.isSafeInteger(d) && (d as number) > 0), '"durationsUs" is not one positive whole number per setting');
    check(typeof json.seeds === 'string', '"seeds" is not a seed list');
    const seeds = parseSeeds(json.seeds as string);
    check(Array.isArray(seeds), `"seeds": ${Array.isArray(seeds) ? '' : seeds.error}`);
    check(typeof json.objectives === 'string' && isStringArray(json.constraints), '"objectives" or "constraints" damaged');
    const shard = json.shard as { index?: unknown; count?: unknown } | undefined;
    check(!!shard && Number.isSafeInteger(shard.index) && Number.isSafeInteger(shard.count) && (shard.count as number) >= 1 && (shard.index as number) >= 1 && (shard.index as number) <= (shard.count as number), '"shard" is not {index, count} with 1 <= index <= count');
    check(Array.isArray(json.runs), '"runs" is not a list');
    const seedSet = new Set(seeds as number[]);
    const runs = (json.runs as unknown[]).map((entry, k) => {
      const e = entry as unknown[];
      check(Array.isArray(e) && e.length === 3, `runs[${k}] is not [setting, seed, metrics]`);
      check(Number.isSafeInteger(e[0]) && (e[0] as number) >= 0 && (e[0] as number) < settings.length, `runs[${k}]: no setting ${String(e[0])}`);
      check(Number.isSafeInteger(e[1]) && seedSet.has(e[1] as number), `runs[${k}]: seed ${String(e[1])} is not among the seeds`);
      check(Array.isArray(e[2]) && (e[2] as unknown[]).length === TUNE_METRICS.length && (e[2] as unknown[]).every((x) => typeof x === 'number' && Number.isFinite(x)), `runs[${k}]: not ${TUNE_METRICS.length} finite metrics`);
      return e as RunEntry;
    });
    return {
      header: { scenario: json.scenario as string, paths, settings, durationsUs: json.durationsUs as number[], seeds: seeds as number[], objectives: json.objectives as string, constraints: json.constraints as string[] },
      shard: { index: shard!.index as number, count: shard!.count as number },
      runs,
    };
  } catch (error) {
    if (error instanceof Damaged) throw new Error(`${file}: damaged tune shard (${error.message})`);
    throw error;
  }
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
