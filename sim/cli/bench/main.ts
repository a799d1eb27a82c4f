import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { simulate } from '../../simulate.js';
import { Simulation } from '../../model/simulation.js';
import { benchCompare } from './compare.js';
import { benchExhaustive } from './exhaustive.js';
import { runEngineShape } from './engine-shape.js';
import { scaleScenario } from './scale.js';
import { benchStorm } from './storm.js';
import { benchSystem, type BenchSystemOptions } from './system-scenario.js';
import { benchFlaky } from './flaky.js';
import { benchScaleYaml } from './scale-yaml.js';
import { benchStartup } from './startup.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run bench`: prints figures, asserts nothing. Run
 * `node ../shared/bench/reference-loops.mjs` in the same session and quote
 * the ratio: absolute figures drift between runs and machines.
 */

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

const REFERENCE_LOOPS = new URL('../../../../../shared/bench/reference-loops.mjs', import.meta.url);

/** Runs the shared reference loops in this same session, so the engine's speed can be quoted as a ratio. */
function referenceRates(): Record<string, number> | undefined {
  if (!existsSync(REFERENCE_LOOPS)) return undefined;
  const rates: Record<string, number> = {};
  for (const variant of ['objectHeap', 'typedHeap']) {
    const runs = Array.from({ length: 3 }, () => {
      const out = execFileSync(process.execPath, [REFERENCE_LOOPS.pathname, variant, '1000', '1000'], { encoding: 'utf8' });
      return (JSON.parse(out.trim().split('\n').at(-1)!) as { eventsPerSec: number }).eventsPerSec / 1e6;
    });
    rates[variant] = median(runs);
  }
  return rates;
}

/** The typed-array reference loop's rate in this same run (M events/s), for the ratios printed beside the model's figures. */
let typedReference: number | undefined;
/** The engine's rate measured by (a) in this same run (M events/s): (b) is quoted as a share of it. */
let engineRate: number | undefined;

function benchEngine(): void {
  runEngineShape(1000, 200); // warm-up
  const rates: number[] = [];
  let endTime = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const result = runEngineShape(1000, 1000);
    const seconds = (performance.now() - started) / 1000;
    rates.push(result.events / seconds / 1e6);
    endTime = result.endTime;
  }
  console.log(`(a) engine, 1000 processes x 1000 waits (1e6 events): median of 5 ${median(rates).toFixed(2)} M events/s ` +
    `(goal >= 5; end time ${endTime}, reference 53197 ${endTime === 53197 ? 'OK' : 'MISMATCH'})`);
  const reference = referenceRates();
  typedReference = reference?.typedHeap;
  engineRate = median(rates);
  if (reference) {
    const ours = median(rates);
    console.log(`    same session, reference loops: object heap ${reference.objectHeap!.toFixed(2)} M/s (recsim x${(ours / reference.objectHeap!).toFixed(2)}), ` +
      `typed-array heap ${reference.typedHeap!.toFixed(2)} M/s (recsim x${(ours / reference.typedHeap!).toFixed(2)})`);
  } else {
    console.log('    (../shared/bench/reference-loops.mjs not found: no same-session ratio)');
  }
}

/** Seconds of wall time `run` takes. */
function timed(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

/**
 * One (b) line: the model's own events per second, beside the engine's and
 * the reference loop's rate of this same run; then the model alone (no
 * invariant catalogue, run counter or kept trace). Each is the median of
 * three runs, taken in turns, so neither gains from running after the other.
 */
function benchModelRun(what: string, hours: number, options: BenchSystemOptions): void {
  simulate(benchSystem('10min', 10, options)); // warm-up
  const scenario = benchSystem(`${hours}h`, 10, options);
  let trace: ReturnType<typeof simulate> | undefined;
  let eventsAlone = 0;
  const whole: number[] = [];
  const alone: number[] = [];
  for (let i = 0; i < 3; i++) {
    whole.push(timed(() => (trace = simulate(scenario))));
    alone.push(timed(() => {
      const sim = Simulation.create(scenario, scenario.seed, { probeTicks: 'computed' });
      sim.start();
      sim.run({ untilUs: scenario.durationUs, eventBudget: scenario.eventBudget });
      eventsAlone = sim.engine.eventsProcessed;
    }));
  }
  const seconds = median(whole);
  const events = trace!.summary.events;
  const rate = events / seconds / 1e6;
  const ratios = [
    engineRate ? `x${(rate / engineRate).toFixed(2)} of the engine (a), goal >= 0.5` : undefined,
    typedReference ? `x${(rate / typedReference).toFixed(2)} of the typed-array reference loop` : undefined,
  ].filter((r) => r !== undefined);
  const records = trace!.summary.records;
  console.log(`    ${what}, ${hours} virtual hours: ${(events / 1e6).toFixed(2)} M events, ${records} records${records * 10 >= events ? ` (${(records / events).toFixed(2)} an event, ${((seconds * 1e6) / records).toFixed(2)} µs each)` : ''} in ${seconds.toFixed(2)} s (median of 3): ` +
    `${rate.toFixed(2)} M events/s${ratios.length > 0 ? ` (${ratios.join('; ')})` : ''}, ${(hours / seconds).toFixed(1)} virtual hours per wall second`);
  const aloneSeconds = median(alone);
  const aloneRate = eventsAlone / aloneSeconds / 1e6;
  console.log(`      the model alone (no checkers, no trace kept): ${aloneSeconds.toFixed(2)} s, ${aloneRate.toFixed(2)} M events/s` +
    `${engineRate ? ` (x${(aloneRate / engineRate).toFixed(2)} of the engine)` : ''}; the checkers, the counts and the kept trace are the other ${(100 * Math.max(0, 1 - aloneSeconds / seconds)).toFixed(0)} %`);
}

/**
 * (b) The model's own events: requests are arithmetic by default, so the
 * system is run with every request an event (per-request mode), and again
 * with faults 600 times as often, so that its events are crashes, hangs,
 * detections, restarts and starts.
 */
function benchModel(): void {
  console.log('(b) model, 50 components with heartbeats (3 s) and requests (15 drivers x 10/s), trace recorded:');
  benchModelRun('every request an event (mode: per-request)', 4, { requestMode: 'per-request' });
  benchModelRun('faults 600 times as often (10 crashes or hangs a minute per faulty component; requests arithmetic)', 1, { faultsPerHour: 600 });
  console.log(`    peak RSS ${peakRssMb().toFixed(0)} MB`);
}

function benchScale(): void {
  const n = 100_000;
  const loadStarted = performance.now();
  const scenario = scaleScenario(n);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const started = performance.now();
  const trace = simulate(scenario, { maxRecordsInMemory: 0 });
  const seconds = (performance.now() - started) / 1000;
  const s = trace.summary;
  console.log(`(d) scale: ${n.toLocaleString('en')} components, boot and 1 virtual minute (heartbeats, 4 crash streams), no trace kept:`);
  console.log(`    ${seconds.toFixed(2)} s (goal < 5 s; loading the scenario took ${loadSeconds.toFixed(2)} s more), ${s.events} events, ${s.records} records, ` +
    `${s.restarts.total} restarts, peak RSS ${peakRssMb().toFixed(0)} MB`);
}

/**
 * `--only <letters>` runs the named parts alone (e.g. `--only ab`: the engine
 * and the model), for a quick look; the figures quoted come from whole runs.
 * (a) always runs when (b) or (g) does, as they are quoted against it.
 */
function partsToRun(argv: readonly string[]): (part: string) => boolean {
  const at = argv.indexOf('--only');
  if (at < 0) return () => true;
  const letters = argv[at + 1] ?? '';
  return (part) => letters.includes(part) || (part === 'a' && /[bg]/.test(letters));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = partsToRun(argv);
  console.log(`recsim bench on node ${process.version}`);
  if (runs('a')) benchEngine();
  if (runs('b')) benchModel();
  if (runs('c')) console.log(await benchCompare());
  if (runs('d')) benchScale();
  if (runs('e')) console.log(benchStorm());
  const dir = mkdtempSync(join(tmpdir(), 'recsim-bench-'));
  if (runs('g')) console.log(benchFlaky(dir, typedReference));
  if (runs('i')) console.log(benchScaleYaml(dir));
  if (runs('h')) console.log(benchStartup());
  if (runs('f')) console.log(await benchExhaustive(argv));
}

await main();
