import { parseShard } from '../shards/read-shard.js';
import { comparePartialSchema, PARTIAL_FORMAT, PARTIAL_VERSION } from '../shards/schemas.js';
import { accumulatorFromJson, accumulatorToJson, mergeAccumulators } from './accumulator.js';
import type { CampaignResult } from './campaign.js';
import { formatSeeds, parseSeeds, SEEDS_MAX } from './seeds.js';

export { PARTIAL_FORMAT, PARTIAL_VERSION };

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

/**
 * Parses a shard file, checked against the shared schema of partial results
 * (sim/shards/schemas.ts) before anything is trusted: seed ranges counted
 * before they are expanded, types and counts checked. Throws a ScenarioError
 * naming the file (and line, column and field).
 */
export function parsePartial(text: string, file: string): CampaignResult {
  const json = parseShard(text, file, comparePartialSchema, 'give a file written by `recsim compare --shard i/n`');
  const seeds = json.seeds === '' ? [] : parseSeeds(json.seeds);
  return {
    scenario: json.scenario,
    components: json.components,
    durationUs: json.durationUs,
    seeds: Array.isArray(seeds) ? seeds : [],
    policies: json.policies.map(accumulatorFromJson),
  };
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
    if (seen.size + result.seeds.length > SEEDS_MAX) throw new Error(`${file}: the shards hold more than ${SEEDS_MAX} seeds together`);
    result.seeds.forEach((s) => seen.add(s));
    merged = {
      ...merged,
      seeds: [...merged.seeds, ...result.seeds],
      policies: merged.policies.map((p, i) => mergeAccumulators(p, result.policies[i]!)),
    };
  }
  return { ...merged, seeds: [...merged.seeds].sort((a, b) => a - b) };
}
