import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PRESETS, findPreset } from '../../sim/policy/presets/index.js';
import { withPreset } from '../../sim/scenario/with-preset.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { passed, simulate } from '../../sim/simulate.js';

const S = 1_000_000;

describe('the presets', () => {
  test('include the systems people trust', () => {
    const names = PRESETS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['systemd-default', 'otp-one-for-one', 'k8s-crashloop', 'minix-rs', 'windows-scm', 'android-critical', 'fuchsia-rfc0110', 'redox-restart-dependents']));
  });
  test.each(PRESETS.map((p) => [p.name, p] as const))('%s documents itself and builds a policy naming it', (name, preset) => {
    expect(preset.summary.length).toBeGreaterThan(20);
    expect(preset.source.length).toBeGreaterThan(20);
    expect(preset.build({ critical: false }).preset).toBe(name);
    expect(preset.build({ critical: true }).critical).toBe(true);
  });
  test('their documented numbers', () => {
    expect(findPreset('systemd-default')!.build({ critical: false })).toMatchObject({ when: 'on-failure', delayUs: 100_000, startLimit: { burst: 5, intervalUs: 10 * S } });
    expect(findPreset('systemd-backoff')!.build({ critical: false })).toMatchObject({ delayUs: 10 * S, backoff: { kind: 'steps', steps: 4, maxDelayUs: 160 * S } });
    expect(findPreset('otp-one-for-all')!.build({ critical: false })).toMatchObject({ when: 'always', supervisor: { strategy: 'one_for_all', intensity: { maxRestarts: 1, periodUs: 5 * S } } });
    expect(findPreset('minix-rs')!.build({ critical: false })).toMatchObject({ heartbeatMissLimit: 2, backoff: { kind: 'minix', periodUs: S, capPeriods: 30 } });
    expect(findPreset('android-critical')!.build({ critical: true })).toMatchObject({ backoff: { kind: 'restart-period', periodUs: 5 * S }, criticalAction: { kind: 'android-init', maxExits: 4, windowUs: 240 * S } });
    expect(findPreset('windows-scm')!.build({ critical: true }).ladder).toEqual({
      actions: [{ kind: 'restart', delayUs: 60 * S }, { kind: 'restart', delayUs: 60 * S }, { kind: 'reboot' }], resetUs: 86_400 * S,
    });
  });
});

describe('withPreset', () => {
  const scenario = loadScenarioFile('scenarios/policies/storage-compare.yaml');
  test('replaces every policy, keeps which components are critical, and does not touch its input', () => {
    const before = JSON.stringify(scenario);
    const k8s = withPreset(scenario, 'k8s-crashloop');
    expect(JSON.stringify(scenario)).toBe(before);
    expect(k8s.components.every((c) => c.policy.preset === 'k8s-crashloop')).toBe(true);
    expect(k8s.components.filter((c) => c.policy.critical).map((c) => c.name)).toEqual(['ahcid', 'redoxfs']);
    expect(k8s.faults).toBe(scenario.faults);
    expect(withPreset(scenario, 'scenario')).toBe(scenario);
  });
  test('an unknown preset is an error naming the known ones', () => {
    expect(() => withPreset(scenario, 'upstart')).toThrow(/unknown policy preset "upstart" \(known: scenario, systemd-default/);
  });
  test('the same seed draws the same faults under every preset (common random numbers)', () => {
    const faultsOf = (preset: string) =>
      simulate(withPreset(scenario, preset), { seed: 7 }).records.filter((r) => r.type === 'fault' && r.source === 'stochastic').map((r) => `${r.t} ${r.component} ${r.type === 'fault' ? r.fault : ''}`);
    const reference = faultsOf('systemd-default');
    expect(reference.length).toBeGreaterThan(10);
    for (const preset of ['k8s-crashloop', 'minix-rs', 'otp-one-for-one', 'fuchsia-rfc0110']) expect(faultsOf(preset)).toEqual(reference);
  });
});

describe('every scenario in scenarios/policies passes its expect block', () => {
  const files = readdirSync('scenarios/policies').filter((f) => f.endsWith('.yaml'));
  test.each(files)('%s', (file) => {
    const scenario = loadScenarioFile(`scenarios/policies/${file}`);
    const trace = simulate(scenario);
    const failed = trace.summary.expectations.filter((e) => !e.ok).map((e) => `${e.what}: got ${e.actual}`);
    expect(failed).toEqual([]);
    expect(passed(trace, scenario)).toBe(true);
  });
});
