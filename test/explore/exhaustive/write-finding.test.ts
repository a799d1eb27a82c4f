import { describe, expect, it } from 'vitest';
import { exhaustive, exhaustiveBase } from '../../../sim/explore/exhaustive/search.js';
import { writtenFinding } from '../../../sim/explore/exhaustive/write-finding.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { simulate } from '../../../sim/simulate.js';

/**
 * The search places a fault between two events of one instant (`side:
 * 'after'`: after the events already handled then); a scenario file can only
 * say `at:` an instant, which lands before them. So the writer tries the
 * instant, the record the fault follows, then one microsecond later, and
 * keeps the first placement a run from time zero breaks.
 *
 * Its subject: the depth-1 search over netstack-reboot.yaml (`recsim explore
 * scenarios/netstack-reboot.yaml --exhaustive --policy`) finds that a hang of
 * the power manager is never recovered. The search hangs it just after its
 * start completes at 0.1 s; at 0.1 s itself the hang would find it still
 * starting and do nothing.
 */
describe('a finding of the exhaustive search, written as a scenario', () => {
  it('a fault placed after other events of its instant is written one microsecond later, and the file replays it', () => {
    const scenario = loadScenarioFile('scenarios/netstack-reboot.yaml');
    const result = exhaustive(scenario, { depth: 1, policy: true });
    const found = result.findings.find((f) => f.invariant === 'recovers-from-single-fault');
    expect(found?.first[0], `found: ${result.findings.map((f) => f.invariant).join(', ')}`).toMatchObject({
      fault: { kind: 'hang', target: '/bootstrap/power_manager' },
      atUs: 100_000,
      side: 'after',
    });
    const written = writtenFinding(exhaustiveBase(scenario, false, result.eventBudget), found!, result.eventBudget);
    expect('finding' in written, 'unreplayable' in written ? written.unreplayable : '').toBe(true);
    if (!('finding' in written)) return;
    const hang = written.finding.minimal.find((f) => f.fault === 'hang');
    expect(hang?.trigger).toEqual({ kind: 'at', atUs: 100_001 });
    const replay = simulate(written.finding.scenario);
    expect(replay.summary.violations.map((v) => v.invariant)).toContain('recovers-from-single-fault');
  });
});
