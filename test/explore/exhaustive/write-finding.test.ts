import { describe, expect, it } from 'vitest';
import { exhaustiveBase } from '../../../sim/explore/exhaustive/search.js';
import type { InvariantFinding } from '../../../sim/explore/exhaustive/result.js';
import { writtenFinding } from '../../../sim/explore/exhaustive/write-finding.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { simulate } from '../../../sim/simulate.js';

/**
 * The first case the depth-2 search over storage-stack.yaml finds
 * (`recsim explore scenarios/storage-stack.yaml --exhaustive --depth 2`, kinds
 * crash and exit): ahcid crashes at 0.2 s just after its start completed, and
 * exits cleanly at 0.7 s just after its restart began. Its monitor restarts
 * only on failure, so after the clean exit ahcid stays down and the boot
 * never completes.
 */
const STORAGE_STACK_PAIR: InvariantFinding = {
  invariant: 'boot-completes',
  cases: 22,
  first: [
    { fault: { kind: 'crash', target: 'ahcid', system: false }, stepsDone: 2, atUs: 200_000, side: 'after', seq: 8 },
    { fault: { kind: 'exit', target: 'ahcid', system: false }, stepsDone: 5, atUs: 700_000, side: 'after', seq: 22 },
  ],
  order: [49, 22],
};

describe('a finding of the exhaustive search, written as a scenario', () => {
  it('a fault placed after other events of its instant is written one microsecond later, and the file replays it', () => {
    const scenario = loadScenarioFile('scenarios/storage-stack.yaml');
    const budget = 100_120;
    const written = writtenFinding(exhaustiveBase(scenario, false, budget), STORAGE_STACK_PAIR, budget);
    expect('finding' in written, 'unreplayable' in written ? written.unreplayable : '').toBe(true);
    if (!('finding' in written)) return;
    // The exit lands while ahcid is starting again: at 0.7 s itself it would find ahcid stopped and do nothing.
    const exit = written.finding.minimal.find((f) => f.fault === 'exit');
    expect(exit?.trigger).toEqual({ kind: 'at', atUs: 700_001 });
    const replay = simulate(written.finding.scenario);
    expect(replay.summary.violations.map((v) => v.invariant)).toContain('boot-completes');
  });
});
