import { describe, expect, test } from 'vitest';
import { ambiguousStore } from '../../sim/model/save-path.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import type { CoreFailureStrategy } from '../../sim/scenario/types.js';
import { simulate } from '../../sim/simulate.js';
import { component, describeTeeth } from '../helpers/teeth.js';

/**
 * Issue 20 item 8, R8: where a save lands. editor saves to redoxfs (on ahcid)
 * and also depends on netcfg (on e1000d); e1000d crashes. A graceful stop
 * saves, since its store is up; a kill loses the work. The table in
 * docs/semantics.md ("R8 re-derived") is this test's.
 */
const FILE = 'scenarios/redox/r8-save-lands-on-its-store.yaml';

function outcome(strategy: CoreFailureStrategy) {
  const scenario = loadScenarioFile(FILE);
  component(scenario, 'usermon').onCoreFailure = strategy;
  const trace = simulate(scenario);
  const byComponent = trace.summary.restarts.byComponent;
  return { restarted: Object.keys(byComponent).filter((n) => byComponent[n]! > 0).sort(), lostDataBytes: trace.summary.lostDataBytes };
}

describe('R8: a save needs its store, not every dependency of the writer', () => {
  test('graceful strategies save what the others lose', () => {
    const strategies: CoreFailureStrategy[] = ['restart-monitor', 'graceful-shutdown', 'restart-dependents', 'graceful-restart-dependents'];
    expect(Object.fromEntries(strategies.map((s) => [s, outcome(s)]))).toEqual({
      // The user monitor is killed and restarted; editor, killed with it, loses 2.6 MB (ended at 23.0 s).
      'restart-monitor': { restarted: ['e1000d', 'editor', 'netcfg', 'usermon'], lostDataBytes: 2_600_000 },
      // editor stops gracefully and saves through redoxfs to ahcid, both running: 0 B lost.
      'graceful-shutdown': { restarted: ['e1000d', 'editor', 'netcfg'], lostDataBytes: 0 },
      // editor depends on e1000d (through netcfg): it is killed, 2.6 MB lost.
      'restart-dependents': { restarted: ['e1000d', 'editor', 'netcfg'], lostDataBytes: 2_600_000 },
      'graceful-restart-dependents': { restarted: ['e1000d', 'editor', 'netcfg'], lostDataBytes: 0 },
    });
  });

  test('with no store named: one dependency is the store; several are ambiguous, warned, and all needed', () => {
    const scenario = loadScenarioFile(FILE);
    const editor = component(scenario, 'editor');
    expect(ambiguousStore(editor)).toBeUndefined();
    delete editor.dirtyData!.store;
    expect(ambiguousStore(editor)).toMatch(/names no store and depends on redoxfs, netcfg/);
    expect(simulate(scenario).summary.lostDataBytes).toBe(2_650_000);
    editor.depends = ['redoxfs'];
    expect(ambiguousStore(editor)).toBeUndefined();
  });
});

describeTeeth('R8 where a save lands has teeth', [
  {
    rule: 'R8 save to its store',
    file: FILE,
    breaks: 'the store is forgotten, so a save needs every component the writer depends on (the rule before stores): e1000d is down',
    mutate: (s) => { delete component(s, 'editor').dirtyData!.store; },
    givesAway: 'lost data bytes = 0: got 2650000',
  },
]);
