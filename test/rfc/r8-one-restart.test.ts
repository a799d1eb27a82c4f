import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import type { CoreFailureStrategy } from '../../sim/scenario/types.js';
import { simulate } from '../../sim/simulate.js';
import { component, describeTeeth, wrapWrite } from '../helpers/teeth.js';

/**
 * Issue 20 item 9, R8: "Under every strategy, one termination gives at most
 * one restart." The same file under the four strategies: ahcid's crash
 * restarts each component it takes down once, after ahcid runs again.
 */
const FILE = 'scenarios/redox/r8-one-termination-one-restart.yaml';
const STRATEGIES: CoreFailureStrategy[] = ['restart-monitor', 'graceful-shutdown', 'restart-dependents', 'graceful-restart-dependents'];

describe('R8: one termination, one restart, under every strategy', () => {
  test.each(STRATEGIES)('%s', (strategy) => {
    const scenario = loadScenarioFile(FILE);
    component(scenario, 'usermon').onCoreFailure = strategy;
    const trace = simulate(scenario);
    const restarts = trace.records.filter((r) => r.type === 'restart');
    const ahcidBack = trace.records.find((r) => r.type === 'state' && r.component === 'ahcid' && r.to === 'running' && r.t > 23_000_000)!;
    // Each restarted once; usermon too under restart-monitor (it is what that strategy restarts).
    const expected = ['ahcid', 'redoxfs', 'editor', 'audiod', ...(strategy === 'restart-monitor' ? ['usermon'] : [])].sort();
    expect(restarts.map((r) => r.component).sort()).toEqual(expected);
    // Nothing on ahcid starts again before ahcid runs again.
    for (const r of restarts) if (r.component !== 'ahcid' && r.component !== 'usermon') expect([r.component, r.t >= ahcidBack.t]).toEqual([r.component, true]);
  });
});

describeTeeth('R8 one termination, one restart has teeth', [
  {
    rule: 'R8 one restart',
    file: FILE,
    breaks: 'a service taken down by a dependency resumes on its own dependencies (redoxfs, still up and queued to stop) instead of waiting for ahcid',
    breakModel: () => wrapWrite('stop-group', (original) => (w, cmd) => original(w, { ...cmd, waitFor: [] })),
    givesAway: 'restarts = 4: got 5',
  },
]);
