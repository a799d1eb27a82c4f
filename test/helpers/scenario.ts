import { parseScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { simulate, type SimulateOptions } from '../../sim/simulate.js';
import type { RecordType, TraceRecord } from '../../sim/trace/records.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';

/** Parses a scenario written inline in a test. */
export function scenarioFrom(yaml: string): Scenario {
  return parseScenario(yaml, 'inline.yaml');
}

/** Runs a scenario written inline in a test. */
export function runYaml(yaml: string, options: SimulateOptions = {}): TraceFile {
  return simulate(scenarioFrom(yaml), options);
}

function describe(r: TraceRecord): string {
  const extra: string[] = [];
  switch (r.type) {
    case 'state': extra.push(`${r.from}->${r.to}`); break;
    case 'power': extra.push(`${r.from}->${r.to}`); break;
    case 'fault': extra.push(r.fault); break;
    case 'decision': extra.push(`${r.by}:${r.action}`); break;
    case 'terminated': extra.push(r.termination.kind === 'exit' ? `exit ${r.termination.exitCode}` : r.termination.kind === 'signal' ? r.termination.signal : r.termination.kind); break;
    case 'stop-requested': extra.push(r.reason); break;
    case 'detected': extra.push(`${r.by}:${r.how}`); break;
    case 'start-refused': extra.push(r.missing.join(',')); break;
    case 'data-lost': case 'data-flushed': extra.push(`${r.bytes}B`); break;
    case 'requests-lost': extra.push(`${r.count}`); break;
    default: break;
  }
  return [`${(r.t / 1e6).toFixed(3)}s`, r.type, r.component, ...extra].filter(Boolean).join(' ');
}

/** The story of a run as short lines, keeping only the record types asked for. */
export function story(trace: TraceFile, types: readonly RecordType[]): string[] {
  return trace.records.filter((r) => types.includes(r.type)).map(describe);
}
