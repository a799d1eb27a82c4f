import { describe, expect, it } from 'vitest';
import { mergeResults, type ExhaustiveResult } from '../../../sim/explore/exhaustive/result.js';
import { exhaustive } from '../../../sim/explore/exhaustive/search.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';

/** What must not depend on dedup or sharding: the cases, the states, what breaks and the first case that breaks it. */
function invariantPart(r: ExhaustiveResult): unknown {
  return {
    cases: r.cases,
    depth2Points: r.depth2Points,
    distinctStates: r.distinctStates,
    findings: r.findings.map((f) => ({ invariant: f.invariant, cases: f.cases, order: f.order, first: f.first })),
  };
}

describe('deduplication by canonical state is sound', () => {
  // Small enough to run every case: three components, a flaw that needs two faults, four kinds.
  const scenario = loadScenarioFile('scenarios/flawed/supervisor-restart-window.yaml');
  const options = { depth: 2, kinds: ['crash', 'destroy', 'fail_start', 'reboot_call_fails'] } as const;
  // The search with dedup, as the command runs it: searched once, for the first test and the sharding test.
  let searched: ExhaustiveResult | undefined;
  const withDedupSearch = (): ExhaustiveResult => (searched ??= exhaustive(scenario, options));

  it('with and without dedup: the same violated invariants, the same first cases, fewer runs', () => {
    const withDedup = withDedupSearch();
    const without = exhaustive(scenario, { ...options, dedup: false });
    expect(without.skipped).toBe(0);
    expect(without.runs).toBe(without.cases);
    expect(withDedup.skipped).toBeGreaterThan(0);
    expect(withDedup.runs + withDedup.skipped).toBe(withDedup.cases);
    expect(withDedup.findings.map((f) => f.invariant)).toEqual(['no-event-lost', 'requested-reboot-completes']);
    expect(invariantPart(withDedup)).toEqual(invariantPart(without));
  });

  it('a sound scenario stays clean either way', () => {
    const sound = loadScenarioFile('scenarios/netstack-reboot.yaml');
    const a = exhaustive(sound, { depth: 1 });
    const b = exhaustive(sound, { depth: 1, dedup: false });
    expect(a.findings).toEqual([]);
    expect(b.findings).toEqual([]);
    expect(a.skipped).toBeGreaterThan(0);
    expect(invariantPart(a)).toEqual(invariantPart(b));
  });

  it('sharding: two shards merged report what one search reports', () => {
    const whole = withDedupSearch();
    const parts = [0, 1].map((index) => ({ file: `shard ${index + 1}`, result: exhaustive(scenario, { ...options, shard: { index, count: 2 } }) }));
    expect(parts[0]!.result.depth1Cases + parts[1]!.result.depth1Cases).toBe(whole.depth1Cases);
    const merged = mergeResults(parts);
    expect(merged.shards).toEqual(['1/2', '2/2']);
    expect(invariantPart(merged)).toEqual(invariantPart(whole));
    expect(() => mergeResults([parts[0]!, parts[0]!])).toThrow(/already merged/);
  });
});
