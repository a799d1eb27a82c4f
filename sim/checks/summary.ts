import type { Micros } from '../engine/time.js';
import type { Scenario } from '../scenario/types.js';
import type { TraceRecord } from '../trace/records.js';
import type { RunSummary, Violation } from '../trace/trace-file.js';
import { finalStatesOf } from './replay.js';

/** Counts what a run did, from its records alone. */
export function summarise(
  scenario: Scenario,
  seed: number,
  records: readonly TraceRecord[],
  run: { outcome: RunSummary['outcome']; endUs: Micros; events: number },
  violations: Violation[],
): Omit<RunSummary, 'expectations'> {
  const byComponent: Record<string, number> = {};
  let graceful = 0;
  let ungraceful = 0;
  let restarts = 0;
  let lostRequests = 0;
  let lostDataBytes = 0;
  for (const r of records) {
    switch (r.type) {
      case 'shutdown-started':
        graceful++;
        break;
      case 'panic':
        ungraceful++;
        break;
      case 'restart':
        restarts++;
        byComponent[r.component] = (byComponent[r.component] ?? 0) + 1;
        break;
      case 'requests-lost':
        lostRequests += r.count;
        break;
      case 'data-lost':
        lostDataBytes += r.bytes;
        break;
    }
  }
  return {
    scenario: scenario.name,
    seed,
    outcome: run.outcome,
    endUs: run.endUs,
    events: run.events,
    records: records.length,
    reboots: { graceful, ungraceful },
    restarts: { total: restarts, byComponent },
    lostRequests,
    lostDataBytes,
    finalStates: finalStatesOf(records, scenario.components.map((c) => c.name)),
    violations,
  };
}
