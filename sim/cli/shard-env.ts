import { parseShard } from '../compare/seeds.js';
import { UsageError } from '../io/exit-codes.js';

/**
 * `--shard-from-env`: the shard index and count from the batch system that
 * started this process, so one command line serves every task of an array job.
 *   Kubernetes Indexed Job   JOB_COMPLETION_INDEX (0-based); count: the Job's `completions`, passed as --shard-count
 *   Slurm job array          SLURM_ARRAY_TASK_ID, offset by SLURM_ARRAY_TASK_MIN; count SLURM_ARRAY_TASK_COUNT
 *   AWS Batch array job      AWS_BATCH_JOB_ARRAY_INDEX (0-based); count: the array size, passed as --shard-count
 *   GNU parallel             PARALLEL_SEQ (1-based); count: the number of jobs, passed as --shard-count
 * The first one set wins, in that order.
 */
export interface Shard {
  index: number;
  count: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const ENGINES = [
  { name: 'Kubernetes Indexed Job', index: 'JOB_COMPLETION_INDEX', base: 0 },
  { name: 'Slurm job array', index: 'SLURM_ARRAY_TASK_ID', base: 0 },
  { name: 'AWS Batch array job', index: 'AWS_BATCH_JOB_ARRAY_INDEX', base: 0 },
  { name: 'GNU parallel', index: 'PARALLEL_SEQ', base: 1 },
] as const;

function wholeNumber(text: string | undefined, what: string): number {
  if (text === undefined || !/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--shard-from-env: ${what} is "${text ?? ''}", not a whole number`);
  return Number(text);
}

export function shardFromEnv(env: Env, countFlag: string | undefined): Shard {
  const engine = ENGINES.find((e) => env[e.index] !== undefined && env[e.index] !== '');
  if (!engine) throw new UsageError(`--shard-from-env: none of ${ENGINES.map((e) => e.index).join(', ')} is set (run it as a task of a Kubernetes Indexed Job, a Slurm or AWS Batch array job, or under GNU parallel; or use --shard i/n)`);
  let index = wholeNumber(env[engine.index], engine.index);
  let count: number;
  if (engine.index === 'SLURM_ARRAY_TASK_ID') {
    index -= env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : wholeNumber(env.SLURM_ARRAY_TASK_MIN, 'SLURM_ARRAY_TASK_MIN');
    count = countFlag !== undefined ? wholeNumber(countFlag, '--shard-count') : wholeNumber(env.SLURM_ARRAY_TASK_COUNT, 'SLURM_ARRAY_TASK_COUNT');
  } else {
    if (countFlag === undefined) throw new UsageError(`--shard-from-env: ${engine.name} (${engine.index}) does not tell the number of tasks; pass it as --shard-count N`);
    count = wholeNumber(countFlag, '--shard-count');
  }
  const shard = parseShard(`${index + 1 - engine.base}/${count}`);
  if ('error' in shard) throw new UsageError(`--shard-from-env: ${engine.index}=${env[engine.index]} gives shard ${index + 1 - engine.base} of ${count}; it must be between 1 and ${count}`);
  return shard;
}

/** `--shard i/n` or `--shard-from-env` (not both): the shard to run, or undefined for the whole campaign. */
export function shardOption(options: { shard?: string; shardFromEnv?: boolean; shardCount?: string }, env: Env = process.env): Shard | undefined {
  if (options.shard !== undefined && options.shardFromEnv) throw new UsageError('--shard and --shard-from-env do not go together');
  if (options.shardCount !== undefined && !options.shardFromEnv) throw new UsageError('--shard-count goes with --shard-from-env');
  if (options.shardFromEnv) return shardFromEnv(env, options.shardCount);
  if (options.shard === undefined) return undefined;
  const shard = parseShard(options.shard);
  if ('error' in shard) throw new UsageError(`--shard: ${shard.error}`);
  return shard;
}
