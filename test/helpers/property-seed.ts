/**
 * The seed of a property suite: `RECSIM_PROPERTY_SEED` when set (to replay a
 * failure), else a fresh one. Printed either way, so every failure can be
 * replayed: fast-check adds `{ seed, path }` to its failure message.
 */
export function propertySeed(suite: string): number {
  const fromEnv = process.env.RECSIM_PROPERTY_SEED;
  const seed = fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : Date.now() % 2_147_483_647;
  process.stdout.write(`[${suite}] property seed ${seed} (replay: RECSIM_PROPERTY_SEED=${seed})\n`);
  return seed;
}
