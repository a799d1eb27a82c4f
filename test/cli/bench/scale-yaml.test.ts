import { describe, expect, test } from 'vitest';
import { BootOutcome } from '../../../sim/checks/boot-outcome.js';
import { scaleYaml } from '../../../sim/cli/bench/scale-yaml.js';
import { passed, simulate } from '../../../sim/simulate.js';
import { parseScenario } from '../../../sim/scenario/load.js';

/** What `recsim run` says of a scale file: whether it passes, and why a boot did not complete. */
function runOf(yaml: string): { ok: boolean; incomplete?: string } {
  const scenario = parseScenario(yaml, 'scale.yaml');
  const boot = new BootOutcome();
  const trace = simulate(scenario, { maxRecordsInMemory: 0, sinks: [boot.sink] });
  const incomplete = boot.incomplete(trace);
  return { ok: passed(trace, scenario) && incomplete === undefined, ...(incomplete ? { incomplete } : {}) };
}

describe('the scale benchmark as YAML (bench i)', () => {
  test('a system a user would write: its drivers crash and are restarted, the boot completes and the run passes', () => {
    expect(runOf(scaleYaml(2_000))).toEqual({ ok: true });
  });

  test('without `restart:` on its drivers (the default is never), a driver crashed while the tree still starts stays down and the boot never completes', () => {
    const noRestart = scaleYaml(2_000).replaceAll(', restart: on-failure', '');
    const run = runOf(noRestart);
    expect(run.ok).toBe(false);
    expect(run.incomplete).toMatch(/^boot 1 never completed: c1\d stopped/);
  });
});
