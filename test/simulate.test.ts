import { describe, expect, test } from 'vitest';
import { checkInvariants } from '../sim/checks/invariants.js';
import { loadScenarioFile } from '../sim/scenario/load.js';
import { simulate } from '../sim/simulate.js';

describe('violations are written into the trace as they are found', () => {
  test.each(['scenarios/fuchsia/f10-supervisor-dispatch-if-started.yaml', 'scenarios/flawed/simultaneous-shutdown.yaml', 'scenarios/flawed/shutdown-unchecked.yaml'])(
    '%s: each listed violation is a violation record caused by the record that broke it',
    (file) => {
      const scenario = loadScenarioFile(file);
      // The flawed files carry no faults of their own (explore finds them); a user shutdown and a crash make them break.
      const withFaults = scenario.faults.length > 0 ? scenario : { ...scenario, faults: [
        { fault: 'shutdown', reason: 'user-request', trigger: { kind: 'at', atUs: 20_000_000 } },
      ] as typeof scenario.faults };
      const trace = simulate(withFaults);
      const written = trace.records.filter((r) => r.type === 'violation');
      expect(trace.summary.violations.length).toBeGreaterThan(0);
      expect(written.length).toBe(trace.summary.violations.length);
      const bySeq = new Map(trace.records.map((r) => [r.seq, r]));
      for (const r of written) {
        if (r.type !== 'violation') continue;
        const listed = trace.summary.violations.find((v) => v.invariant === r.invariant && v.message === r.message);
        expect(listed, `${r.invariant}: ${r.message}`).toBeDefined();
        if (r.record !== undefined) {
          expect(r.cause).toBe(r.record);
          expect(bySeq.get(r.record)!.seq).toBeLessThan(r.seq);
        }
      }
      // The catalogue judges the system's records, not its own reports: re-checking the trace finds the same.
      expect(checkInvariants(trace.records, withFaults)).toEqual(trace.summary.violations);
    },
  );

  test('a run that breaks an invariant writes at least one violation record (the viewer reads them)', () => {
    const trace = simulate(loadScenarioFile('scenarios/fuchsia/f10-supervisor-dispatch-if-started.yaml'));
    expect(trace.summary.violations.length).toBeGreaterThan(0);
    expect(trace.records.some((r) => r.type === 'violation' && r.invariant === 'no-event-lost')).toBe(true);
  });
});
