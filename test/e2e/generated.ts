import { join } from 'node:path';
import { packageRoot } from '../../sim/report/html.js';
import { loadScenarioFile, parseScenario } from '../../sim/scenario/load.js';
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

/**
 * A day of 64 components (4 monitors, 60 services in realms of ten, each
 * depending on the one before it) crashing about 3 times an hour and now and
 * then hanging: about 235,000 records, what the viewer's scale goal (200,000)
 * is about. (At 15 crashes an hour it was 200,000 records before dependents
 * stopped with what they depend on (R4); that makes nearly a million now.)
 * YAML through the real front end, then the real simulator.
 */
export function dayOfSixtyFourComponents(): TraceFile {
  const realm = (i: number): string => `/core/realm${String(Math.floor(i / 10)).padStart(2, '0')}`;
  const lines = ['name: a day of 64 components under stochastic crashes and hangs', 'duration: 24h', 'event_budget: 100000000', 'system: { heartbeat_period: 3s }', 'components:'];
  for (let m = 0; m < 4; m++) lines.push(`  - { name: /core/mon${m}, kind: monitor }`);
  for (let i = 0; i < 60; i++) {
    const depends = i % 10 === 0 ? '' : `, depends: [${realm(i)}/svc${i - 1}]`;
    lines.push(`  - { name: ${realm(i)}/svc${i}, monitor: /core/mon${i % 4}${depends}, restart: { when: on-failure, delay: 500ms }, dirty_data: { write_rate: 10KB/s, flush_every: 5s } }`);
  }
  lines.push('faults:');
  for (let i = 0; i < 60; i++) lines.push(`  - { rate: 3/h, crash: ${realm(i)}/svc${i} }`);
  for (let i = 0; i < 60; i += 4) lines.push(`  - { rate: 2/h, hang: ${realm(i)}/svc${i} }`);
  return simulate(parseScenario(`${lines.join('\n')}\n`, 'day-of-64.yaml'));
}
