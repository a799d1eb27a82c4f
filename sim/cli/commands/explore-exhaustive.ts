import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { minimalScenarioYaml, replaysFinding } from '../../explore/write-scenario.js';
import { livenessNotJudgedLine } from '../../explore/explore.js';
import { formatDuration } from '../../engine/time.js';
import { describeFault } from '../../explore/fault-file.js';
import { EXPLORE_FAULT_KINDS, type ExploreFaultKind } from '../../explore/vocabulary.js';
import { exhaustiveInParallel } from '../../explore/exhaustive/parallel.js';
import { certificate, countsLines, describePlaced, isComplete, mergeResults, parseResult, type ExhaustiveResult } from '../../explore/exhaustive/result.js';
import { exhaustiveBase } from '../../explore/exhaustive/search.js';
import { readShardText } from '../../shards/read-shard.js';
import { writtenFinding } from '../../explore/exhaustive/write-finding.js';
import type { Scenario } from '../../scenario/types.js';
import { serializeTrace } from '../../trace/serialize.js';
import { EXIT, UsageError } from '../../io/exit-codes.js';
import { writeFileCreatingDirs } from '../../io/write-file.js';
import { shardOption } from '../shard-env.js';
import { checkReportFlags, writeSpofReport } from './explore-report.js';

export interface ExhaustiveCliOptions {
  depth?: string;
  targets?: string;
  keepFaults?: boolean;
  dedup?: boolean;
  json?: boolean;
  shard?: string;
  shardFromEnv?: boolean;
  shardCount?: string;
  merge?: string[];
  workers?: string;
  outDir: string;
  policy?: boolean;
  report?: boolean;
  format?: string;
  html?: string;
}

function parseDepth(text: string | undefined): 1 | 2 {
  if (text === undefined || text === '1') return 1;
  if (text === '2') return 2;
  throw new UsageError(`--depth: expected 1 or 2, got "${text}"`);
}

function parseTargets(text: string | undefined): 'neighbourhood' | 'all' {
  if (text === undefined || text === 'neighbourhood' || text === 'neighborhood') return 'neighbourhood';
  if (text === 'all') return 'all';
  throw new UsageError(`--targets: expected "neighbourhood" (the first fault's) or "all", got "${text}"`);
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return Math.max(1, availableParallelism());
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new UsageError(`--workers: expected a number of threads from 1 to 256, got "${text}"`);
  return Number(text);
}

/** Flags that only `--exhaustive` reads: named without it, they would be silently ignored. */
export function checkExhaustiveOnlyFlags(o: ExhaustiveCliOptions): void {
  const named = [['--depth', o.depth], ['--targets', o.targets], ['--keep-faults', o.keepFaults], ['--no-dedup', o.dedup === false ? true : undefined],
    ['--json', o.json], ['--shard', o.shard], ['--shard-from-env', o.shardFromEnv], ['--shard-count', o.shardCount], ['--merge', o.merge], ['--workers', o.workers], ['--report', o.report], ['--format', o.format], ['--html', o.html]] as const;
  const used = named.filter(([, v]) => v !== undefined).map(([flag]) => flag);
  if (used.length > 0) throw new UsageError(`${used.join(', ')}: only with --exhaustive`);
}

/** The kinds tried: every kind explore knows when `--kinds all`. */
export function exhaustiveKinds(kinds: ExploreFaultKind[], text: string | undefined): ExploreFaultKind[] {
  return text?.trim() === 'all' ? [...EXPLORE_FAULT_KINDS] : kinds;
}

/** The progress line on a terminal: the wall clock lives here, never under sim/ proper. */
function progressLine(): { update(done: number, planned: number): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  const startMs = Date.now();
  let lastMs = 0;
  return {
    update(done, planned) {
      if (!tty) return;
      const now = Date.now();
      if (now - lastMs < 100) return;
      lastMs = now;
      process.stderr.write(`\r\x1b[2Kexhaustive: depth-1 case ${done}/${planned}  ${((now - startMs) / 1000).toFixed(0)} s`);
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[2K');
    },
  };
}

interface Written {
  invariant: string;
  file?: string;
  faults?: string[];
  replays?: boolean;
  unreplayable?: string;
}

/** Writes each invariant's first case as a scenario that `recsim run` replays (shrunk as `recsim explore` shrinks). */
function writeFindings(result: ExhaustiveResult, scenario: Scenario, file: string, o: ExhaustiveCliOptions, command: string): Written[] {
  const base = exhaustiveBase(scenario, o.keepFaults ?? false, result.eventBudget);
  const sourceText = readFileSync(file, 'utf8');
  return result.findings.map((f): Written => {
    const written = writtenFinding(base, f, result.eventBudget);
    if ('unreplayable' in written) return { invariant: f.invariant, unreplayable: written.unreplayable };
    const stem = join(o.outDir, `${basename(file, extname(file))}.${f.invariant}`);
    const yaml = minimalScenarioYaml(written.finding, scenario, { sourceText, sourceFile: file, searchCommand: command });
    writeFileCreatingDirs(`${stem}.yaml`, yaml, '--out-dir');
    writeFileCreatingDirs(`${stem}.trace.json`, serializeTrace(written.finding.trace), '--out-dir');
    const replay = replaysFinding(yaml, `${stem}.yaml`, written.finding);
    return { invariant: f.invariant, file: `${stem}.yaml`, faults: written.finding.minimal.map(describeFault), replays: replay.ok, ...(replay.ok ? {} : { unreplayable: replay.why }) };
  });
}

function commandOf(file: string, o: ExhaustiveCliOptions, kindsText: string | undefined): string {
  const parts = ['recsim explore', file, '--exhaustive', `--depth ${parseDepth(o.depth)}`];
  if (kindsText !== undefined) parts.push(`--kinds ${kindsText}`);
  if (o.targets !== undefined) parts.push(`--targets ${o.targets}`);
  if (o.keepFaults) parts.push('--keep-faults');
  if (o.dedup === false) parts.push('--no-dedup');
  if (o.policy) parts.push('--policy');
  if (o.report) parts.push('--report');
  return parts.join(' ');
}

/** `recsim explore <scenario> --exhaustive ...`: the search, its counts, and a certificate or the findings written as scenarios. */
export async function runExhaustiveCommand(file: string, scenario: Scenario, kinds: ExploreFaultKind[], kindsText: string | undefined, o: ExhaustiveCliOptions): Promise<void> {
  const depth = parseDepth(o.depth);
  const targets = parseTargets(o.targets);
  const workers = parseWorkers(o.workers);
  const command = commandOf(file, o, kindsText);
  const format = checkReportFlags(o, depth);
  let result: ExhaustiveResult;
  const startMs = Date.now();
  if (o.merge !== undefined) {
    if (o.shard !== undefined || o.shardFromEnv) throw new UsageError('--merge and --shard do not go together');
    // Each file is read and checked like any input (bounded, regular files only, the shared schema): its problems name it.
    const parts = o.merge.map((f) => ({ file: f, result: parseResult(readShardText(f, 'shard file'), f) }));
    const other = parts.find((p) => p.result.scenario !== scenario.name || p.result.components !== scenario.components.length);
    if (other) throw new UsageError(`${other.file}: a shard of another scenario ("${other.result.scenario}", ${other.result.components} components; ${file} is "${scenario.name}", ${scenario.components.length} components)`);
    try {
      result = mergeResults(parts);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (!isComplete(result)) throw new UsageError(`--merge: shards ${result.shards.join(', ')} do not cover the whole search`);
    if (o.report && result.singleFaults === undefined) throw new UsageError('--merge --report: the shards were run without --report (run each shard with --report)');
  } else {
    const parsed = shardOption(o);
    const shard = parsed ? { index: parsed.index - 1, count: parsed.count } : undefined;
    const progress = progressLine();
    result = await exhaustiveInParallel(scenario, { depth, kinds, targets, keepFaults: o.keepFaults ?? false, dedup: o.dedup ?? true, policy: o.policy ?? false, ...(o.report ? { report: true } : {}), ...(shard ? { shard } : {}) }, workers, (d, p) => progress.update(d, p));
    progress.done();
    if (shard) {
      // A shard's result is for --merge: JSON, with the states it saw (merging counts distinct states over all shards).
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exitCode = EXIT.ok;
      return;
    }
  }
  const wallMs = Date.now() - startMs;
  if (o.report) {
    writeSpofReport({ file, scenario, result, outDir: o.outDir, keepFaults: o.keepFaults ?? false, command, format, ...(o.html !== undefined ? { html: o.html } : {}) });
    return;
  }
  const broken = result.findings.length > 0 || result.referenceViolated.length > 0;
  const written = broken ? writeFindings(result, scenario, file, o, command) : [];
  if (o.json) {
    const { keys: _keys, ...rest } = result;
    process.stdout.write(`${JSON.stringify({ ...rest, wallMs, written, ...(broken ? {} : { certificate: certificate(result) }) }, null, 1)}\n`);
    process.exitCode = broken ? EXIT.checkFailed : EXIT.ok;
    return;
  }
  const out = [
    `Exhaustive exploration of ${file} (${scenario.name}): depth ${depth}, ${result.kinds.length} fault kinds (${result.kinds.join(', ')}), ${result.components} targets` +
      (workers > 1 && o.merge === undefined ? `, ${workers} worker threads` : ''),
    ...countsLines(result, wallMs),
  ];
  if (Object.keys(result.policyViolations).length > 0) {
    out.push(`       policy invariants broken, not counted as findings (--policy counts them): ${Object.entries(result.policyViolations).map(([id, n]) => `${id} in ${n} cases`).join(', ')}`);
  }
  if (!broken) {
    if (!result.livenessJudged) out.push(livenessNotJudgedLine(scenario, formatDuration));
    out.push(`Result: ${certificate(result)}`);
    process.stdout.write(`${out.join('\n')}\n`);
    process.exitCode = EXIT.ok;
    return;
  }
  out.push('');
  if (result.referenceViolated.length > 0) out.push(`FOUND without any fault: ${result.referenceViolated.join(', ')} (the scenario breaks them by itself)`);
  for (const f of result.findings) {
    const w = written.find((x) => x.invariant === f.invariant);
    out.push(`FOUND ${f.invariant} in ${f.cases.toLocaleString('en')} case${f.cases === 1 ? '' : 's'}; the first: ${f.first.map(describePlaced).join(', then ')}`);
    if (w?.file !== undefined) {
      out.push(`  minimal schedule: ${w.faults!.join('; ')}`);
      out.push(w.replays ? `  wrote ${w.file}  (recsim run replays it: checked)` : `  wrote ${w.file}, but the replay check FAILED: ${w.unreplayable}`);
    } else if (w?.unreplayable !== undefined) out.push(`  not written as a scenario: ${w.unreplayable}`);
  }
  out.push(`Replay the search: ${command}`);
  process.stdout.write(`${out.join('\n')}\n`);
  process.exitCode = EXIT.checkFailed;
}
