import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { shardFromEnv } from '../../sim/cli/shard-env.js';
import { runCli } from '../cli/in-process.js';

// A tune split over shards and merged prints byte for byte what one machine prints,
// whichever engine starts the shards. The recipes in deploy/ are read, not copied:
// the test runs the very command each one names, under the variables that engine sets,
// with one change: their seed range (1..40) is narrowed to 1..6 unless RECSIM_FULL_TESTS=1
// (.ci/run sets it). What a recipe decides (the engine's variables, the shard count, the
// paths, the merge) does not depend on the number of seeds, and 18 runs of 3 settings still
// put a setting across two shards (shards 2 and 3 of 4; shard 3 of 7).
const FULL = process.env.RECSIM_FULL_TESTS === '1';
const SEEDS = FULL ? '1..40' : '1..6';
const TUNE = ['tune', 'scenarios/tune/renewal.yaml', '--vary', 'svc.restart.delay=1s,30s,5min', '--seeds', SEEDS, '--workers', '0'];
const RUNS = 3 * (FULL ? 40 : 6);
/** The full range has seven times the runs (a test of it takes minutes on a loaded machine). */
const TIMEOUT_MS = FULL ? 600_000 : 120_000;
const dirs: string[] = [];
const scratch = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'recsim-tune-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A recipe's command line with its seed range narrowed (see above); a recipe that names no range fails the test. */
function narrowed(commandLine: string): string {
  expect(commandLine).toMatch(/ --seeds \S+/);
  return FULL ? commandLine : commandLine.replace(/ --seeds \S+/g, ` --seeds ${SEEDS}`);
}

/**
 * The single-machine output of a tune, run once per command line: the number of
 * workers is left out of the key, as the output does not depend on it
 * (sim/tune/pool.ts), so every recipe is checked against the one run of TUNE.
 */
const singles = new Map<string, Promise<string>>();
function singleMachine(argv: readonly string[] = TUNE): Promise<string> {
  const key = argv.filter((a, i) => a !== '--workers' && argv[i - 1] !== '--workers').join(' ');
  let out = singles.get(key);
  if (out === undefined) {
    out = runCli([...argv]).then((r) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return r.stdout;
    });
    singles.set(key, out);
  }
  return out;
}

async function merged(dir: string): Promise<string> {
  const parts = readdirSync(dir).filter((f) => f.startsWith('part-')).map((f) => join(dir, f));
  const r = await runCli(['tune', '--merge', ...parts]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** Runs argv in this process with `env` added to process.env for the call. */
async function withEnv(env: Record<string, string>, argv: string[]): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const r = await runCli(argv);
    expect(r.stderr, argv.join(' ')).toBe('');
    expect(r.code).toBe(0);
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

describe('tune shards and merge', () => {
  it.each([1, 2, 7])('any split merges into the single-machine output, byte for byte: %i shards', async (n) => {
    const whole = await singleMachine();
    const dir = scratch();
    for (let i = 1; i <= n; i++) expect((await runCli([...TUNE, '--shard', `${i}/${n}`, '--out', join(dir, `part-${i}.json`)])).code).toBe(0);
    expect(await merged(dir)).toBe(whole);
  }, TIMEOUT_MS);

  it('a missing or repeated shard is refused, naming the problem', async () => {
    const dir = scratch();
    for (const i of [1, 2]) await runCli([...TUNE, '--shard', `${i}/3`, '--out', join(dir, `part-${i}.json`)]);
    const missing = await runCli(['tune', '--merge', join(dir, 'part-1.json'), join(dir, 'part-2.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(`cover ${(RUNS / 3) * 2} of ${RUNS} runs: a shard is missing`);
    const twice = await runCli(['tune', '--merge', join(dir, 'part-1.json'), join(dir, 'part-1.json')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/part-1\.json: setting 1 on seed 1 is already in another shard/);
  }, TIMEOUT_MS);

  it('halving cannot be sharded (each round needs all results)', async () => {
    const r = await runCli([...TUNE, '--search', 'halving', '--shard', '1/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shard a full search/);
  });
});

describe('--shard-from-env', () => {
  it('reads each engine\'s variables', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0' }, '4')).toEqual({ index: 1, count: 4 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '3' }, undefined)).toEqual({ index: 3, count: 3 });
    expect(shardFromEnv({ AWS_BATCH_JOB_ARRAY_INDEX: '2' }, '3')).toEqual({ index: 3, count: 3 });
    expect(shardFromEnv({ PARALLEL_SEQ: '1' }, '2')).toEqual({ index: 1, count: 2 });
  });

  it('refuses with exit 2 when no engine is set, or the count is missing or too small', async () => {
    const saved = { ...process.env };
    for (const k of ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID', 'AWS_BATCH_JOB_ARRAY_INDEX', 'PARALLEL_SEQ']) delete process.env[k];
    try {
      const none = await runCli([...TUNE, '--shard-from-env']);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/none of JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX, PARALLEL_SEQ is set/);
      expect(none.stderr.trim().split('\n')).toHaveLength(1);
      process.env.JOB_COMPLETION_INDEX = '0';
      expect((await runCli([...TUNE, '--shard-from-env'])).stderr).toMatch(/pass it as --shard-count N/);
      process.env.JOB_COMPLETION_INDEX = '4';
      expect((await runCli([...TUNE, '--shard-from-env', '--shard-count', '4'])).stderr).toMatch(/gives shard 5 of 4/);
      const compare = await runCli(['compare', 'scenarios/flaky-driver.yaml', '--shard-from-env']);
      expect(compare.code).toBe(2);
      expect(compare.stderr).toMatch(/pass it as --shard-count N/);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('the Kubernetes Indexed Job recipe: its container args under each JOB_COMPLETION_INDEX, then its merge', async () => {
    const docs = parseAllDocuments(readFileSync('deploy/kubernetes/tune-job.yaml', 'utf8')).map((d) => d.toJS() as Record<string, any>);
    const job = docs.find((d) => d.kind === 'Job' && d.spec?.completionMode === 'Indexed')!;
    const completions = Number(job.spec.completions);
    const args = narrowed((job.spec.template.spec.containers[0].args as string[]).join(' ')).split(' ');
    const dir = scratch();
    for (let index = 0; index < completions; index++) {
      // Kubernetes expands $(VAR) in args from the container's environment; the image's paths are mapped onto this checkout.
      const argv = args.map((a) => a.replace('$(JOB_COMPLETION_INDEX)', String(index)).replace('/results', dir).replace('/recsim/', ''));
      await withEnv({ JOB_COMPLETION_INDEX: String(index) }, argv);
    }
    expect(readdirSync(dir)).toHaveLength(completions);
    const mergeJob = parseAllDocuments(readFileSync('deploy/kubernetes/tune-merge.yaml', 'utf8'))[0]!.toJS() as Record<string, any>;
    expect(mergeJob.spec.template.spec.containers[0].args[0]).toMatch(/tune --merge \/results\/part-\*\.json/);
    expect(await merged(dir)).toBe(await singleMachine(argsWithoutShard(args)));
  }, TIMEOUT_MS);

  it('the Slurm array recipe: its command under each SLURM_ARRAY_TASK_ID', async () => {
    const script = readFileSync('deploy/slurm/tune.sbatch', 'utf8');
    const [, min, max] = /#SBATCH --array=(\d+)-(\d+)/.exec(script)!.map(Number) as [number, number, number];
    const line = narrowed(script.split('\n').find((l) => l.startsWith('node bin/recsim.mjs tune'))!);
    const dir = scratch();
    for (let id = min; id <= max; id++) {
      const argv = line.replace('node bin/recsim.mjs ', '').replace('${SLURM_ARRAY_TASK_ID}', String(id)).replace('results/', `${dir}/`).split(/\s+/);
      await withEnv({ SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_MAX: String(max), SLURM_ARRAY_TASK_COUNT: String(max - min + 1) }, argv);
    }
    const whole = line.replace('node bin/recsim.mjs ', '').replace(/ --shard-from-env.*$/, '').split(/\s+/);
    expect(await merged(dir)).toBe(await singleMachine(whole));
  }, TIMEOUT_MS);

  const parallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!parallel && process.env.RECSIM_REQUIRE_PARALLEL !== '1')('GNU parallel for real: the recipe\'s one-liner', async () => {
    const dir = scratch();
    const script = narrowed(readFileSync('deploy/gnu-parallel.sh', 'utf8')).replace(/results\//g, `${dir}/`).replace(/mkdir -p results/, `mkdir -p ${dir}`);
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(readdirSync(dir).filter((f) => f.startsWith('part-'))).toHaveLength(4);
    const whole = await singleMachine();
    expect(out).toBe(whole);
  }, TIMEOUT_MS);
});

function argsWithoutShard(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--shard-from-env') continue;
    if (args[i] === '--shard-count' || args[i] === '--out') {
      i++;
      continue;
    }
    out.push(args[i]!.replace('/recsim/', ''));
  }
  return out;
}
