import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explore, type ExploreFinding } from '../../sim/explore/explore.js';
import { minimalScenarioYaml } from '../../sim/explore/write-scenario.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { passed, simulate } from '../../sim/simulate.js';

/** The search every flawed scenario gets: one seed, one run budget. */
export const SEARCH = { seed: 1, runs: 300 } as const;

/** `policy`: the flaw is the policy's, judged by a policy invariant, which explore counts as a finding only when asked. */
const FLAWS = [
  // Not checking for a reboot under way shows as a request during the shutdown, or as a second one in flight.
  { file: 'scenarios/flawed/shutdown-unchecked.yaml', invariants: ['no-reboot-during-shutdown', 'one-reboot-in-flight'] },
  { file: 'scenarios/flawed/simultaneous-shutdown.yaml', invariants: ['shutdown-stops-dependents-first'] },
  // Judged as a whole policy it has a second flaw: coremon is never restarted (and nothing watches for hangs), so one
  // fault of it leaves it down for good; either is a policy finding.
  { file: 'scenarios/flawed/restart-storm.yaml', invariants: ['no-restart-livelock', 'recovers-from-single-fault'], policy: true },
  { file: 'scenarios/flawed/supervisor-dispatch-if-started.yaml', invariants: ['no-event-lost'] },
] as const;

function invariantOf(finding: ExploreFinding | undefined): string | undefined {
  return finding?.failure.kind === 'violation' ? finding.failure.invariant : finding?.failure.kind;
}

describe('recsim explore finds each known flaw', () => {
  for (const { file, invariants, ...flaw } of FLAWS) {
    it(`${file}: ${invariants.join(' or ')}, shrunk to at most three faults, replayed by the scenario it writes`, () => {
      const base = loadScenarioFile(file);
      expect(base.faults).toEqual([]); // a flawed scenario carries no faults: explore finds them
      const report = explore(base, { ...SEARCH, policy: 'policy' in flaw });
      const finding = report.finding;
      expect(finding, `no violation found in ${report.runsDone} runs`).toBeDefined();
      const invariant = invariantOf(finding)!;
      expect(invariants).toContain(invariant);
      expect(finding!.run).toBeLessThanOrEqual(SEARCH.runs);
      expect(finding!.minimal.length).toBeGreaterThanOrEqual(1);
      expect(finding!.minimal.length).toBeLessThanOrEqual(3);
      expect(finding!.minimal.length).toBeLessThanOrEqual(finding!.original.length);

      // The minimal scenario, written to disk and loaded back like any file, replays the violation and passes its expect block.
      const dir = mkdtempSync(join(tmpdir(), 'recsim-explore-'));
      const out = join(dir, 'minimal.yaml');
      writeFileSync(out, minimalScenarioYaml(finding!, base, { sourceText: readFileSync(file, 'utf8'), sourceFile: file, searchCommand: 'test' }));
      const replay = loadScenarioFile(out);
      expect(replay.faults).toHaveLength(finding!.minimal.length);
      expect(replay.expect?.violations).toContain(invariant);
      const trace = simulate(replay);
      expect(trace.summary.violations.map((v) => v.invariant)).toContain(invariant);
      expect(passed(trace, replay)).toBe(true);
      // Same input, same trace: the replay is the minimal case itself.
      expect(JSON.stringify(trace.records)).toBe(JSON.stringify(finding!.trace.records));
    });
  }

  it('is a pure function of its seed: the same search finds the same minimal schedule', () => {
    const base = loadScenarioFile('scenarios/flawed/restart-storm.yaml');
    const a = explore(base, { ...SEARCH, policy: true }).finding;
    const b = explore(base, { ...SEARCH, policy: true }).finding;
    expect(a?.run).toBe(b?.run);
    expect(JSON.stringify(a?.minimal)).toBe(JSON.stringify(b?.minimal));
  });

  it('--swarm finds the flaws too', () => {
    for (const { file, invariants, ...flaw } of FLAWS) {
      const finding = explore(loadScenarioFile(file), { ...SEARCH, swarm: true, policy: 'policy' in flaw }).finding;
      expect(invariants, file).toContain(invariantOf(finding));
      expect(finding!.minimal.length).toBeLessThanOrEqual(3);
    }
  });
});
