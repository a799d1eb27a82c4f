import { describe, expect, test } from 'vitest';
import { failureActionEffects, onSuccessEffects, withOnFailure } from '../../sim/policy/on-failure.js';
import type { RecoveryDecision, RecoveryPolicy } from '../../sim/policy/types.js';

/** unit_notify() (src/core/unit.c): FailureAction= and OnFailure= on entering failed, OnSuccess= on entering inactive cleanly. */
const policy = (extra: Partial<RecoveryPolicy>): RecoveryPolicy => ({ when: 'on-failure', delayUs: 1e6, maxRestarts: Infinity, heartbeatMissLimit: 1, ...extra });
const restarting: RecoveryDecision = { action: 'restart', reason: 'r', delayUs: 1e6, effects: [{ kind: 'restart', component: 'svc', delayUs: 1e6 }] };
const none: RecoveryDecision = { action: 'none', reason: 'n', effects: [] };

describe('FailureAction= by version', () => {
  test.each([
    [253, 'normal', []],
    [254, 'normal', ['reboot']],
    [255, 'direct', []],
  ] as const)('a restarted failure under %i (RestartMode=%s)', (version, restartMode, kinds) => {
    expect(failureActionEffects(policy({ failureAction: 'reboot', systemdVersion: version, restartMode }), 'svc', 'restarting', 'exit code 1').map((e) => e.kind)).toEqual(kinds);
  });
  test('failing for good is the give-up decision\'s to carry (not added twice)', () => {
    expect(failureActionEffects(policy({ failureAction: 'reboot' }), 'svc', 'for-good', 'exit code 1')).toEqual([]);
  });
  test('withOnFailure adds it to a restart decision and names it in the action', () => {
    const d = withOnFailure(policy({ failureAction: 'reboot-force' }), { component: 'svc', termination: { kind: 'exit', exitCode: 1 } }, restarting);
    expect(d.action).toBe('restart+reboot-force');
    expect(d.effects.map((e) => e.kind)).toEqual(['restart', 'reboot']);
  });
});

describe('OnSuccess=', () => {
  const p = (extra: Partial<RecoveryPolicy> = {}): RecoveryPolicy => policy({ onSuccess: ['next'], ...extra });
  test('a clean end with no restart starts the units', () => {
    expect(onSuccessEffects(p(), 'svc', 'for-good').map((e) => (e as { component: string }).component)).toEqual(['next']);
  });
  test.each([[253, 'normal', 0], [254, 'normal', 1], [255, 'direct', 0]] as const)('before an automatic restart under %i (RestartMode=%s): %i', (version, restartMode, n) => {
    expect(onSuccessEffects(p({ systemdVersion: version, restartMode }), 'svc', 'restarting')).toHaveLength(n);
  });
  test('a failure is no success, and a clean end no failure', () => {
    expect(withOnFailure(p(), { component: 'svc', termination: { kind: 'exit', exitCode: 1 } }, none).effects).toEqual([]);
    expect(withOnFailure(policy({ onFailure: ['h'] }), { component: 'svc', termination: { kind: 'exit', exitCode: 0 } }, none).effects).toEqual([]);
    expect(withOnFailure(p(), { component: 'svc', termination: { kind: 'exit', exitCode: 0 } }, none).effects.map((e) => e.kind)).toEqual(['start']);
  });
});
