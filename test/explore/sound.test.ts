import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFault } from '../../sim/explore/fault-file.js';
import { explore } from '../../sim/explore/explore.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';

/** The same search as the flawed scenarios get (test/explore/flaws.test.ts), on fewer runs for the long sound ones. */
const SEARCH = { seed: 1, runs: 200 } as const;

/**
 * Bundled scenarios found NOT to survive: `restart: on-failure` resolves to a
 * zero delay and no limit, so a component that crashes at every start is
 * restarted in a zero-time loop (minimal cases in scenarios/found/). Marked
 * `fails` so the suite notices the day they are fixed: then drop them here.
 */

const SOUND = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();

describe('the bundled sound scenarios survive the search', () => {
  it('has sound scenarios to search', () => {
    expect(SOUND.length).toBeGreaterThan(0);
  });
  for (const file of SOUND) {
    it(`scenarios/${file}`, () => {
      const report = explore(loadScenarioFile(`scenarios/${file}`), SEARCH);
      const f = report.finding;
      const found = f && `${f.failure.kind === 'violation' ? `${f.failure.invariant}: ${f.failure.violation.message}` : f.failure.kind}\n${f.minimal.map(describeFault).join('\n')}`;
      expect(found ?? 'none').toBe('none');
      expect(report.runsDone).toBe(SEARCH.runs);
    });
  }
});
