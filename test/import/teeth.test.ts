import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { simulate } from '../../sim/simulate.js';

/**
 * Teeth for scenarios/imported/: break the rule each imported directive maps
 * to, in memory, and see the scenario's own expectations fail for that reason.
 */
function failures(scenario: Scenario): string[] {
  return simulate(scenario).summary.expectations.filter((e) => !e.ok).map((e) => `${e.what}: ${e.actual}`);
}

function component(s: Scenario, name: string) {
  return s.components.find((c) => c.name === name)!;
}

describe('teeth: scenarios/imported/ fail when the imported rule is broken', () => {
  test('systemd: without StartLimitBurst= the third crash is restarted, no give-up, no reboot', () => {
    const s = loadScenarioFile('scenarios/imported/systemd-start-limit-reboots.yaml');
    expect(failures(s)).toEqual([]);
    delete component(s, 'app.service').policy.startLimit;
    const failed = failures(s);
    expect(failed.some((f) => /record decision app\.service .*give-up\+reboot.*no such record/.test(f))).toBe(true);
    expect(failed.some((f) => /reboots/.test(f))).toBe(true);
  });

  test('android: without `critical` the five crashes are only restarted', () => {
    const s = loadScenarioFile('scenarios/imported/android-critical-reboots.yaml');
    component(s, 'servicemanager').policy.criticalAction = { kind: 'none' };
    expect(failures(s).some((f) => /record panic.*no such record/.test(f))).toBe(true);
  });

  test('redox: with restart_behavior never, ahcid stays down', () => {
    const s = loadScenarioFile('scenarios/imported/redox-driver-crash.yaml');
    component(s, 'ahcid').policy.when = 'never';
    expect(failures(s).some((f) => /record decision ahcid .*action.*restart/.test(f))).toBe(true);
  });

  test('fuchsia: without the strong offer from bootstrap to the /core realm, fshost no longer waits for /core', () => {
    const s = loadScenarioFile('scenarios/imported/fuchsia-netstack-reboots.yaml');
    for (const c of s.components.filter((x) => x.name.startsWith('/core/'))) c.depends = c.depends.filter((d) => !d.startsWith('/bootstrap/'));
    expect(failures(s).some((f) => /record terminated \/bootstrap\/fshost.*before the record expected to precede it/.test(f))).toBe(true);
  });
});
