import { accumulatorFromJson, accumulatorToJson, mergeAccumulators } from './accumulator.js';
import type { CampaignResult } from './campaign.js';
import { formatSeeds } from './seeds.js';

export const PARTIAL_FORMAT = 'recsim-compare-partial';
export const PARTIAL_VERSION = 1;

/** A shard's result as a file: exact sums, so shards merge into exactly what one big campaign gives. */
export function serializePartial(result: CampaignResult): string {
  return `${JSON.stringify(
    {
      format: PARTIAL_FORMAT,
      version: PARTIAL_VERSION,
      scenario: result.scenario,
      components: result.components,
      durationUs: result.durationUs,
      seeds: formatSeeds(result.seeds),
      policies: result.policies.map(accumulatorToJson),
    },
    null,
    1,
  )}\n`;
}

function expandSeeds(text: string): number[] {
  if (text === '') return [];
  return text.split(',').flatMap((part) => {
    const [a, b] = part.split('..').map(Number);
    const to = b ?? a!;
    return Array.from({ length: to - a! + 1 }, (_, i) => a! + i);
  });
}

/** Parses a shard file; throws an Error whose message says what is wrong with it. */
export function parsePartial(text: string, file: string): CampaignResult {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${file}: not JSON (expected a file written by \`recsim compare --shard i/n --format json\`)`);
  }
  if (json.format !== PARTIAL_FORMAT) throw new Error(`${file}: not a compare shard (format "${String(json.format)}", expected "${PARTIAL_FORMAT}")`);
  if (json.version !== PARTIAL_VERSION) throw new Error(`${file}: shard version ${String(json.version)}, this recsim reads version ${PARTIAL_VERSION}`);
  try {
    return {
      scenario: String(json.scenario),
      components: (json.components as unknown[]).map(String),
      durationUs: Number(json.durationUs),
      seeds: expandSeeds(String(json.seeds)),
      policies: (json.policies as unknown[]).map(accumulatorFromJson),
    };
  } catch (error) {
    throw new Error(`${file}: damaged shard (${(error as Error).message})`);
  }
}

/** Combines shards of one campaign; they must be of the same scenario and policies, and not share seeds. */
export function mergePartials(parts: readonly { file: string; result: CampaignResult }[]): CampaignResult {
  if (parts.length === 0) throw new Error('nothing to merge');
  const [first, ...rest] = parts;
  let merged: CampaignResult = { ...first!.result, seeds: [...first!.result.seeds] };
  const seen = new Set(merged.seeds);
  for (const { file, result } of rest) {
    const same =
      result.scenario === merged.scenario &&
      result.durationUs === merged.durationUs &&
      result.components.join('\n') === merged.components.join('\n') &&
      result.policies.map((p) => p.policy).join(',') === merged.policies.map((p) => p.policy).join(',');
    if (!same) throw new Error(`${file}: a shard of another campaign (scenario, components or policies differ from ${first!.file})`);
    const overlap = result.seeds.filter((s) => seen.has(s));
    if (overlap.length > 0) throw new Error(`${file}: seeds ${formatSeeds(overlap)} are already in another shard`);
    result.seeds.forEach((s) => seen.add(s));
    merged = {
      ...merged,
      seeds: [...merged.seeds, ...result.seeds],
      policies: merged.policies.map((p, i) => mergeAccumulators(p, result.policies[i]!)),
    };
  }
  return { ...merged, seeds: [...merged.seeds].sort((a, b) => a - b) };
}
