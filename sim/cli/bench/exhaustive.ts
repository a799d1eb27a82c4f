import { performance } from 'node:perf_hooks';
import { EXPLORE_FAULT_KINDS } from '../../explore/vocabulary.js';
import { exhaustiveInParallel } from '../../explore/exhaustive/parallel.js';
import { certificate, type ExhaustiveResult } from '../../explore/exhaustive/result.js';
import { loadScenarioFile } from '../../scenario/load.js';

function summary(r: ExhaustiveResult, seconds: number): string {
  const share = r.cases === 0 ? 0 : (100 * r.skipped) / r.cases;
  return `${r.cases.toLocaleString('en')} cases, ${r.runs.toLocaleString('en')} runs from forks, ${r.skipped.toLocaleString('en')} skipped by dedup (${share.toFixed(1)} %), ` +
    `${r.distinctStates.toLocaleString('en')} distinct states in ${seconds.toFixed(1)} s; forking x${(r.eventsFromZero / Math.max(1, r.eventsSimulated)).toFixed(2)} fewer events than re-running from time zero ` +
    `(${r.eventsSimulated.toLocaleString('en')} vs ${r.eventsFromZero.toLocaleString('en')} events)`;
}

/**
 * (f) exhaustive explore. Depth 1 over netstack-reboot with every kind, and
 * the whole of depth 2 over storage-stack (about 94,000 cases; since requests
 * are counted as arithmetic a case is a few dozen events). With `--quick`,
 * one shard of depth 2 is measured and the whole extrapolated.
 */
export async function benchExhaustive(argv: readonly string[]): Promise<string> {
  const workers = 2;
  const lines: string[] = [];
  const netstack = loadScenarioFile('scenarios/netstack-reboot.yaml');
  let started = performance.now();
  const d1 = await exhaustiveInParallel(netstack, { depth: 1, kinds: [...EXPLORE_FAULT_KINDS] }, workers);
  let seconds = (performance.now() - started) / 1000;
  lines.push(`(f) exhaustive explore, ${workers} worker threads:`);
  lines.push(`    depth 1, netstack-reboot.yaml, all ${d1.kinds.length} kinds: ${summary(d1, seconds)} (goal < 10 s)`);
  lines.push(`    ${certificate(d1)}`);

  const storage = loadScenarioFile('scenarios/storage-stack.yaml');
  const whole = !argv.includes('--quick');
  const shardCount = 60;
  started = performance.now();
  const d2 = await exhaustiveInParallel(storage, { depth: 2, ...(whole ? {} : { shard: { index: 0, count: shardCount } }) }, whole ? workers : 1);
  seconds = (performance.now() - started) / 1000;
  if (whole) {
    lines.push(`    depth 2, storage-stack.yaml: ${summary(d2, seconds)} (goal < 5 min)`);
    lines.push(`    ${d2.findings.length === 0 ? certificate(d2) : `violations: ${d2.findings.map((f) => f.invariant).join(', ')}`}`);
  } else {
    lines.push(`    depth 2, storage-stack.yaml, shard 1/${shardCount} on one thread: ${summary(d2, seconds)}`);
    lines.push(`    the whole depth-2 search extrapolates to about ${((seconds * shardCount) / workers).toFixed(0)} s on ${workers} threads ` +
      '(goal < 5 min; `npm run bench` without `--quick` runs it all)');
  }
  return lines.join('\n');
}
