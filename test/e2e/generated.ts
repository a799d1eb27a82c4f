import { join } from 'node:path';
import { packageRoot } from '../../sim/report/html.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate, type SimulateOptions } from '../../sim/simulate.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';

/**
 * The trace the simulator writes for a bundled scenario: the browser tests
 * look at what real runs produce, not at hand-written fixtures that may say
 * what the simulator never does.
 */
export function generatedTrace(scenarioFile: string, options: SimulateOptions = {}): TraceFile {
  return simulate(loadScenarioFile(join(packageRoot(), scenarioFile)), options);
}

/** The first record of a trace matching a predicate (throws when none: the scenario changed). */
export function recordOf(trace: TraceFile, match: (r: TraceRecord) => boolean): TraceRecord {
  const record = trace.records.find(match);
  if (!record) throw new Error('no such record in the generated trace');
  return record;
}
