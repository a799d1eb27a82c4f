import { join } from 'node:path';
import { openOutputFile } from '../io/write-file.js';
import { scenarioUnderPolicy } from '../compare/policy-names.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulate.js';
import { TraceStreamWriter } from '../trace/stream-writer.js';
import { writeHtmlReport } from './html.js';

/** One run a comparison writes out: a policy, a seed, and whether it is that policy's worst. */
export interface SeedChoice {
  policy: string;
  seed: number;
  worst: boolean;
}

export interface WrittenRun extends SeedChoice {
  /** The trace (streamed while the run goes), when traces were asked for. */
  trace?: string;
  /** The self-contained timeline (viewer and trace in one file), when asked for. */
  html?: string;
}

/** The file stem of a policy's run: "minix-rs.seed-17". */
export function runStem(choice: Pick<SeedChoice, 'policy' | 'seed'>): string {
  return `${choice.policy}.seed-${choice.seed}`;
}

/**
 * Runs each chosen (policy, seed) again, exactly as the campaign ran it (the
 * same scenario under the preset, the same seed: the same run), and writes
 * its trace to `traceDir` and/or its timeline to `htmlDir`.
 */
export function writeSeedRuns(scenario: Scenario, choices: readonly SeedChoice[], dirs: { traceDir?: string; htmlDir?: string }): WrittenRun[] {
  return choices.map((choice) => {
    const under = scenarioUnderPolicy(scenario, choice.policy);
    const stem = runStem(choice);
    const trace = dirs.traceDir === undefined ? undefined : join(dirs.traceDir, `${stem}.trace.json`);
    const html = dirs.htmlDir === undefined ? undefined : join(dirs.htmlDir, `${stem}.html`);
    const output = trace === undefined ? undefined : new TraceStreamWriter(openOutputFile('--traces', trace));
    // Only the timeline needs the records in memory; the trace file is streamed.
    const run = simulate(under, { seed: choice.seed, output, maxRecordsInMemory: html === undefined ? 0 : undefined });
    if (html !== undefined) writeHtmlReport(run, html);
    return { ...choice, ...(trace ? { trace } : {}), ...(html ? { html } : {}) };
  });
}

/** Two policies on one seed: the same faults, looked at side by side. */
export interface PairChoice {
  a: string;
  b: string;
  seed: number;
}

/** The file stem of a pair: "minix-rs-vs-systemd-default.seed-17". */
export function pairStem(pair: PairChoice): string {
  return `${pair.a}-vs-${pair.b}.seed-${pair.seed}`;
}

/**
 * Runs each pair's two policies on its seed again, exactly as the campaign
 * ran them, and writes one self-contained page that opens comparing them
 * (A beside B on one time axis, with the viewer's verdict).
 */
export function writePairRuns(scenario: Scenario, pairs: readonly PairChoice[], htmlDir: string): (PairChoice & { html: string })[] {
  return pairs.map((pair) => {
    const html = join(htmlDir, `${pairStem(pair)}.html`);
    const [a, b] = [pair.a, pair.b].map((policy) => simulate(scenarioUnderPolicy(scenario, policy), { seed: pair.seed }));
    writeHtmlReport(a!, html, b!);
    return { ...pair, html };
  });
}
