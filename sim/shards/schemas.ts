import { z } from 'zod';
import { METRICS } from '../compare/accumulator.js';
import { parseSeeds } from '../compare/seeds.js';
import { EXPLORE_FAULT_KINDS } from '../explore/vocabulary.js';
import { MAX_COMPONENTS } from '../scenario/validate.js';
import { TUNE_METRICS } from '../tune/objectives.js';

/**
 * The partial results that `--merge` reads, described once with
 * shared pieces: `compare --shard` writes a campaign partial,
 * `explore --exhaustive --shard` an exhaustive partial. A file is input like
 * a scenario: every field is checked for its type and range before a merge
 * trusts it (a seed range is counted before it is expanded, a shard `i/n` has
 * 1 <= i <= n, counts are whole and non-negative), and the first problem is
 * reported with the file's name, line, column and field path.
 */

/** The two kinds of partial result, and the version of each this recsim reads (sim/compare/partial.ts and sim/explore/exhaustive/result.ts re-export them). */
export const PARTIAL_FORMAT = 'recsim-compare-partial';
export const PARTIAL_VERSION = 1;
export const RESULT_FORMAT = 'recsim-exhaustive';
export const RESULT_VERSION = 1;

/** Counts in a partial result: whole, non-negative and exact as doubles. */
const count = z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).min(0).max(Number.MAX_SAFE_INTEGER);
const text = z.string({ error: 'expected text' });
const bigintText = z.string({ error: 'expected a whole number written as text' }).regex(/^-?\d{1,400}$/, { error: 'expected a whole number written as text, e.g. "120"' });

/** The most shards a search or campaign may be cut into: far more than any machine room. */
export const SHARDS_MAX = 100_000;

/** `i/n`, 1 <= i <= n <= SHARDS_MAX. */
export const shardText = z.string({ error: 'expected a shard such as "2/8"' }).superRefine((s, ctx) => {
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(s);
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || i < 1 || n < 1 || i > n || n > SHARDS_MAX) ctx.addIssue({ code: 'custom', message: `shard "${s}": expected i/n with 1 <= i <= n <= ${SHARDS_MAX}, such as "2/8"` });
});

/** A seed list as `compare` writes it ("1..100,205"), counted before it is expanded (at most SEEDS_MAX seeds). */
export const seedList = z.string({ error: 'expected seeds written as text, e.g. "1..100"' }).superRefine((s, ctx) => {
  if (s === '') return;
  const parsed = parseSeeds(s);
  if (!Array.isArray(parsed)) ctx.addIssue({ code: 'custom', message: parsed.error });
});

const moments = z.strictObject({ n: count, sum: bigintText, sumSq: bigintText.regex(/^\d+$/, { error: 'a sum of squares is not negative' }) });

const worstRun = z.strictObject({ seed: count, servingUs: count, ungracefulReboots: count, lostDataBytes: count });

const policyAccumulator = z.strictObject({
  policy: text.min(1),
  runs: count,
  budgetExhausted: count,
  metrics: z.strictObject(Object.fromEntries(METRICS.map((m) => [m.key, moments])) as Record<(typeof METRICS)[number]['key'], typeof moments>),
  services: z.array(moments).max(MAX_COMPONENTS),
  worst: worstRun.optional(),
});

/** `recsim compare --shard i/n` (sim/compare/partial.ts serializePartial). */
export const comparePartialSchema = z.strictObject({
  format: z.literal(PARTIAL_FORMAT, { error: `not a compare shard (expected "format": "${PARTIAL_FORMAT}", written by \`recsim compare --shard i/n\`)` }),
  version: z.literal(PARTIAL_VERSION, { error: `this recsim reads shard version ${PARTIAL_VERSION}` }),
  scenario: text,
  components: z.array(text).max(MAX_COMPONENTS),
  durationUs: count.min(1),
  seeds: seedList,
  policies: z.array(policyAccumulator).min(1, { error: 'a shard has at least one policy' }),
}).superRefine((p, ctx) => {
  p.policies.forEach((acc, i) => {
    if (acc.services.length !== p.components.length) {
      ctx.addIssue({ code: 'custom', path: ['policies', i, 'services'], message: `${acc.services.length} services for ${p.components.length} components: the shard is damaged` });
    }
    if (p.policies.findIndex((q) => q.policy === acc.policy) !== i) ctx.addIssue({ code: 'custom', path: ['policies', i, 'policy'], message: `policy "${acc.policy}" appears twice` });
  });
});

const placedFault = z.strictObject({
  fault: z.strictObject({ kind: z.enum(EXPLORE_FAULT_KINDS as [string, ...string[]]), target: text.optional(), system: z.boolean() }),
  stepsDone: count,
  atUs: count,
  side: z.enum(['before', 'after']),
  seq: count,
});

const finding = z.strictObject({
  invariant: text.min(1),
  cases: count.min(1),
  first: z.array(placedFault).min(1).max(2),
  order: z.array(count).min(1).max(2),
});

/** `recsim explore --exhaustive --shard i/n` (sim/explore/exhaustive/result.ts ExhaustiveResult). */
export const exhaustivePartialSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT, { error: `not an exhaustive result (expected "format": "${RESULT_FORMAT}", written by \`recsim explore --exhaustive --shard i/n\`)` }),
  version: z.literal(RESULT_VERSION, { error: `this recsim reads result version ${RESULT_VERSION}` }),
  scenario: text,
  depth: z.union([z.literal(1), z.literal(2)], { error: 'expected depth 1 or 2' }),
  kinds: z.array(z.enum(EXPLORE_FAULT_KINDS as [string, ...string[]])).min(1),
  components: count.max(MAX_COMPONENTS),
  targets: z.enum(['neighbourhood', 'all']),
  windowUs: count,
  livenessJudged: z.boolean(),
  eventBudget: count.min(1),
  dedup: z.boolean(),
  policy: z.boolean(),
  shards: z.array(shardText).min(1, { error: 'a result names the shard it is, e.g. ["1/2"]' }).max(SHARDS_MAX),
  points: count,
  depth2Points: count,
  cases: count,
  depth1Cases: count,
  runs: count,
  skipped: count,
  walks: count,
  distinctStates: count,
  keys: z.array(text),
  eventsSimulated: count,
  eventsFromZero: count,
  referenceViolated: z.array(text),
  findings: z.array(finding),
  policyViolations: z.record(text, count),
}).superRefine((r, ctx) => {
  const counts = new Set(r.shards.map((s) => s.split('/')[1]));
  if (counts.size > 1) ctx.addIssue({ code: 'custom', path: ['shards'], message: `shards ${r.shards.join(', ')} cut the search in different numbers of slices` });
  if (new Set(r.shards).size !== r.shards.length) ctx.addIssue({ code: 'custom', path: ['shards'], message: `a shard appears twice in ${r.shards.join(', ')}` });
});

/** `recsim tune --shard i/n` (sim/tune/partial.ts serializeTunePartial): what was asked, the shard, and its runs. */
export const TUNE_PARTIAL_FORMAT = 'recsim-tune-partial';
export const TUNE_PARTIAL_VERSION = 1;

const finite = z.number({ error: 'expected a number' }).finite({ error: 'expected a finite number' });

export const tunePartialSchema = z.strictObject({
  format: z.literal(TUNE_PARTIAL_FORMAT, { error: `not a tune shard (expected "format": "${TUNE_PARTIAL_FORMAT}", written by \`recsim tune --shard i/n\`)` }),
  version: z.literal(TUNE_PARTIAL_VERSION, { error: `this recsim reads tune shard version ${TUNE_PARTIAL_VERSION}` }),
  scenario: text,
  paths: z.array(text).min(1),
  settings: z.array(z.array(text)).min(1),
  durationsUs: z.array(count.min(1)),
  seeds: seedList,
  objectives: text,
  constraints: z.array(text),
  shard: z.strictObject({ index: count.min(1), count: count.min(1).max(SHARDS_MAX) }),
  runs: z.array(z.tuple([count, count, z.array(finite).length(TUNE_METRICS.length, { error: `expected ${TUNE_METRICS.length} metrics` })])),
}).superRefine((p, ctx) => {
  const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
  if (p.shard.index > p.shard.count) issue(['shard', 'index'], `shard ${p.shard.index} of ${p.shard.count}: expected 1 <= index <= count`);
  p.settings.forEach((s, i) => {
    if (s.length !== p.paths.length) issue(['settings', i], `${s.length} values for ${p.paths.length} paths: one value per path`);
  });
  if (p.durationsUs.length !== p.settings.length) issue(['durationsUs'], `${p.durationsUs.length} durations for ${p.settings.length} settings: one per setting`);
  const seeds = p.seeds === '' ? [] : parseSeeds(p.seeds);
  const known = new Set(Array.isArray(seeds) ? seeds : []);
  p.runs.forEach(([setting, seed], k) => {
    if (setting >= p.settings.length) issue(['runs', k, 0], `no setting ${setting} (there are ${p.settings.length})`);
    if (!known.has(seed)) issue(['runs', k, 1], `seed ${seed} is not among the seeds "${p.seeds}"`);
  });
});
