import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import type { CoreFailureStrategy } from '../../sim/scenario/types.js';
import { passed, simulate } from '../../sim/simulate.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';

/**
 * The Redox RFC's open question, "If a core daemon fails, then what should the
 * user service monitor do?", run four ways on the same storage-stack fault
 * (ahcid crashes at 23 s). The summaries must differ the way the RFC
 * anticipates: what restarted, and what was lost.
 */

const FILES: Record<CoreFailureStrategy, string> = {
  'restart-monitor': 'scenarios/redox/r8-restart-monitor.yaml',
  'graceful-shutdown': 'scenarios/redox/r8-graceful-shutdown.yaml',
  'restart-dependents': 'scenarios/redox/r8-restart-dependents.yaml',
  'graceful-restart-dependents': 'scenarios/redox/r8-graceful-restart-dependents.yaml',
};

interface Outcome {
  restarted: string[];
  lostDataBytes: number;
  lostRequests: number;
}

function outcomeOf(trace: TraceFile): Outcome {
  const byComponent = trace.summary.restarts.byComponent;
  return {
    restarted: Object.keys(byComponent).filter((name) => byComponent[name]! > 0).sort(),
    lostDataBytes: trace.summary.lostDataBytes,
    lostRequests: trace.summary.lostRequests,
  };
}

function run(strategy: CoreFailureStrategy): TraceFile {
  const scenario = loadScenarioFile(FILES[strategy]);
  const trace = simulate(scenario);
  expect(passed(trace, scenario)).toBe(true);
  return trace;
}

describe('R8: the user monitor\'s strategies on the same storage-stack fault', () => {
  test('the four files differ only in on_core_failure', () => {
    const scenarios = Object.values(FILES).map((f) => loadScenarioFile(f));
    const strip = (s: (typeof scenarios)[number]) => JSON.stringify({
      components: s.components.map((c) => ({ ...c, onCoreFailure: undefined })),
      faults: s.faults,
      system: s.system,
      durationUs: s.durationUs,
      seed: s.seed,
    });
    const shapes = new Set(scenarios.map(strip));
    expect(shapes.size).toBe(1);
    expect(scenarios.map((s) => s.components.find((c) => c.name === 'usermon')!.onCoreFailure)).toEqual(Object.keys(FILES));
  });

  test('what restarted and what was lost, strategy by strategy', () => {
    const table = Object.fromEntries((Object.keys(FILES) as CoreFailureStrategy[]).map((s) => [s, outcomeOf(run(s))]));
    expect(table).toEqual({
      // redoxfs (and editor on it) stop with ahcid under every strategy (R4, the Redox monitors' default).
      // Restart the user monitor once ahcid is back: everything under it is killed.
      'restart-monitor': { restarted: ['ahcid', 'audiod', 'editor', 'redoxfs', 'usermon'], lostDataBytes: 2_600_000, lostRequests: 2 },
      // Stop every service gracefully: audiod finishes its requests, but editor's save goes through
      // redoxfs to ahcid, which is down: its work is lost anyway, 50 ms later than with a kill.
      'graceful-shutdown': { restarted: ['ahcid', 'audiod', 'editor', 'redoxfs'], lostDataBytes: 2_650_000, lostRequests: 0 },
      // Told what failed: only editor (on redoxfs, on ahcid) restarts, killed with its unsaved work.
      'restart-dependents': { restarted: ['ahcid', 'editor', 'redoxfs'], lostDataBytes: 2_600_000, lostRequests: 0 },
      // The combination: only editor, stopped gracefully, and its save fails the same way.
      'graceful-restart-dependents': { restarted: ['ahcid', 'editor', 'redoxfs'], lostDataBytes: 2_650_000, lostRequests: 0 },
    });
  });

  test('the "less destructive" strategies leave the unrelated service running throughout', () => {
    for (const strategy of ['restart-dependents', 'graceful-restart-dependents'] as const) {
      const trace = run(strategy);
      const audiod = trace.records.filter((r) => r.component === 'audiod' && (r.type === 'terminated' || r.type === 'stop-requested' || r.type === 'killed'));
      expect(audiod).toEqual([]);
    }
  });

  test('no strategy saves editor\'s work: its storage path holds the failed daemon (saved to a stopped store, lost and counted)', () => {
    for (const strategy of Object.keys(FILES) as CoreFailureStrategy[]) {
      const trace = run(strategy);
      const saved = trace.records.some((r) => r.type === 'data-flushed' && r.component === 'editor');
      const lost = trace.records.some((r) => r.type === 'data-lost' && r.component === 'editor');
      expect([strategy, saved, lost]).toEqual([strategy, false, true]);
    }
  });

  test('the graceful strategies stop editor before the redoxfs it saves to (dependents first)', () => {
    for (const strategy of ['graceful-shutdown', 'graceful-restart-dependents'] as const) {
      const trace = run(strategy);
      const editorEnds = trace.records.find((r) => r.type === 'terminated' && r.component === 'editor')!;
      const redoxfsAsked = trace.records.find((r) => r.type === 'stop-requested' && r.component === 'redoxfs')!;
      expect(redoxfsAsked.seq).toBeGreaterThan(editorEnds.seq);
    }
  });

  test('only restart-monitor restarts the user monitor itself', () => {
    for (const strategy of Object.keys(FILES) as CoreFailureStrategy[]) {
      const restarts = run(strategy).summary.restarts.byComponent['usermon'] ?? 0;
      expect([strategy, restarts]).toEqual([strategy, strategy === 'restart-monitor' ? 1 : 0]);
    }
  });
});
