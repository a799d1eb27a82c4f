import { describe, expect, test } from 'vitest';
import { decideRecovery } from '../../sim/policy/decide.js';
import { decideStart } from '../../sim/policy/start-limit.js';
import { findPreset } from '../../sim/policy/presets/index.js';
import type { ComponentView, RecoveryPolicy } from '../../sim/policy/types.js';
import { basePolicy, cleanExit, ctxOf, S } from './context.js';

const MIN = 60 * S;

describe('restart conditions and FailureAction=', () => {
  test('on-failure leaves a clean exit alone', () => {
    const d = decideRecovery(basePolicy, ctxOf({ termination: cleanExit }));
    expect(d.action).toBe('none');
    expect(d.effects).toEqual([]);
  });
  test('Restart=no with FailureAction=reboot: an unclean exit fails the unit and reboots', () => {
    const d = decideRecovery({ ...basePolicy, when: 'never', failureAction: 'reboot' }, ctxOf());
    expect(d.action).toBe('give-up+reboot');
    expect(d.effects.map((e) => e.kind)).toEqual(['give-up', 'reboot']);
    expect(d.effects[1]).toMatchObject({ mode: 'graceful' });
  });
  test('the restart limit gives up and runs FailureAction=reboot-force', () => {
    const d = decideRecovery({ ...basePolicy, maxRestarts: 2, failureAction: 'reboot-force' }, ctxOf({ history: { restartsUs: [1 * S, 2 * S] } }));
    expect(d.effects).toEqual([{ kind: 'give-up', component: 'x' }, expect.objectContaining({ kind: 'reboot', mode: 'force' })]);
  });
});

describe('exit-code actions (Redox R1)', () => {
  const policy: RecoveryPolicy = { ...basePolicy, exitActions: { '3': 'give-up', '4': 'reboot-immediate', '0': 'restart' } };
  test('a mapped code decides before the restart condition', () => {
    expect(decideRecovery(policy, ctxOf({ termination: { kind: 'exit', exitCode: 3 } })).effects).toEqual([{ kind: 'give-up', component: 'x' }]);
    expect(decideRecovery(policy, ctxOf({ termination: { kind: 'exit', exitCode: 4 } })).effects[0]).toMatchObject({ kind: 'reboot', mode: 'immediate' });
    expect(decideRecovery(policy, ctxOf({ termination: cleanExit })).action).toBe('restart');
  });
  test('an unmapped code follows the policy', () => {
    expect(decideRecovery(policy, ctxOf({ termination: { kind: 'exit', exitCode: 5 } })).action).toBe('restart');
  });
});

describe('critical components', () => {
  const fuchsia = findPreset('fuchsia-rfc0110')!.build({ critical: true });
  const minix = findPreset('minix-rs')!.build({ critical: true });
  test('Fuchsia RFC-0110: any termination of a critical component reboots gracefully, a clean exit included (F1)', () => {
    expect(decideRecovery(fuchsia, ctxOf({ termination: cleanExit })).effects).toEqual([expect.objectContaining({ kind: 'reboot', mode: 'graceful' })]);
  });
  test('MINIX 3: a core service failing panics; a clean exit is restarted', () => {
    expect(decideRecovery(minix, ctxOf()).effects).toEqual([expect.objectContaining({ kind: 'reboot', mode: 'immediate' })]);
    expect(decideRecovery(minix, ctxOf({ termination: cleanExit })).action).toBe('restart');
  });
  test('a component not marked critical is only restarted', () => {
    expect(decideRecovery(findPreset('fuchsia-rfc0110')!.build({ critical: false }), ctxOf()).action).toBe('restart');
  });
  test('Android init: the fifth exit within four minutes reboots into the bootloader; the fourth waits restart_period', () => {
    const android = findPreset('android-critical')!.build({ critical: true });
    const exits = [5 * MIN, 5 * MIN + 6 * S, 5 * MIN + 12 * S, 5 * MIN + 18 * S];
    const fourth = ctxOf({ nowUs: exits[3]!, history: { startsUs: [0, exits[2]! + 1 * S], failuresUs: exits } });
    const d4 = decideRecovery(android, fourth);
    expect(d4.action).toBe('restart');
    expect(d4.delayUs).toBe(exits[2]! + 1 * S + 5 * S - exits[3]!);
    const fifthAt = 5 * MIN + 24 * S;
    const d5 = decideRecovery(android, ctxOf({ nowUs: fifthAt, history: { startsUs: [0], failuresUs: [...exits, fifthAt] } }));
    expect(d5.action).toBe('reboot');
    expect(d5.effects[0]).toMatchObject({ kind: 'reboot', mode: 'immediate' });
    expect(d5.reason).toContain('5 times in 240s');
  });
  test('Android init: five exits before boot completes reboot, however spread out', () => {
    const android = findPreset('android-critical')!.build({ critical: true });
    const exits = [1 * MIN, 6 * MIN, 11 * MIN, 16 * MIN, 21 * MIN];
    const d = decideRecovery(android, ctxOf({ nowUs: exits[4]!, bootCompleted: false, history: { failuresUs: exits } }));
    expect(d.reason).toContain('before boot completed');
  });
});

describe('systemd start limit: tested when the start job runs (start-limit.ts), not at the crash', () => {
  const policy = findPreset('systemd-default')!.build({ critical: false });
  const limited = { ...policy, startLimit: { burst: 5, intervalUs: 10 * S, action: 'reboot' as const } };
  test('the decision at the crash is the restart, whatever the count of starts', () => {
    const starts = [0, 1.1 * S, 1.4 * S, 1.7 * S, 2.0 * S];
    expect(decideRecovery(limited, ctxOf({ nowUs: 2.2 * S, history: { startsUs: starts } })).action).toBe('restart');
  });
  test('the sixth start within 10 s is refused when it runs (start-limit-hit), the fifth is not', () => {
    const starts = [0, 1.1 * S, 1.4 * S, 1.7 * S, 2.0 * S];
    const d = decideStart(limited, 'x', starts, 2.3 * S)!;
    expect(d.action).toBe('give-up+reboot');
    expect(d.reason).toContain('start-limit-hit');
    expect(decideStart(limited, 'x', starts.slice(0, 4), 2.0 * S)).toBeUndefined();
  });
  test('a critical unit under systemd-default reboots when it hits the limit; a normal one only fails', () => {
    const starts = [0, 1, 2, 3, 4].map((i) => i * S);
    expect(decideStart(findPreset('systemd-default')!.build({ critical: true }), 'x', starts, 4.5 * S)!.effects.map((e) => e.kind)).toEqual(['give-up', 'reboot']);
    expect(decideStart(policy, 'x', starts, 4.5 * S)!.effects.map((e) => e.kind)).toEqual(['give-up']);
  });
});

describe('OTP supervisors', () => {
  const sup = (strategy: 'one_for_one' | 'one_for_all', maxRestarts = 3): ComponentView => ({
    name: 'sup', state: 'running', monitor: 'init', depends: [],
    policy: { ...basePolicy, supervisor: { strategy, intensity: { maxRestarts, periodUs: 5 * S } } },
  });
  const child = (name: string, state: ComponentView['state'], failuresUs: number[] = []): ComponentView => ({
    name, state, monitor: 'sup', depends: [], policy: { ...basePolicy, when: 'always' }, history: { startsUs: [0], failuresUs, restartsUs: [] },
  });
  test('intensity counts the restarts of all the children: the fourth in 5 s escalates', () => {
    const components = [sup('one_for_one'), child('a', 'running', [1 * S, 2 * S]), child('x', 'stopped')];
    const ctx = ctxOf({ monitor: 'sup', components, nowUs: 3 * S, history: { failuresUs: [2.5 * S, 3 * S] } });
    const d = decideRecovery({ ...basePolicy, when: 'always' }, ctx);
    expect(d.action).toBe('escalate');
    expect(d.effects).toEqual([expect.objectContaining({ kind: 'escalate' })]);
  });
  test('within the intensity, one_for_all terminates the others in turn (reverse start order), then restarts every child in start order', () => {
    const components = [sup('one_for_all'), child('a', 'running'), child('x', 'stopped'), child('c', 'running')];
    const d = decideRecovery({ ...basePolicy, when: 'always' }, ctxOf({ monitor: 'sup', components, history: { failuresUs: [10 * S] } }));
    expect(d.action).toBe('restart-all');
    expect(d.effects).toEqual([{ kind: 'stop-then-restart', stop: ['c', 'a'], restart: ['a', 'x', 'c'] }]);
  });
  test('a supervisor restarted after escalating starts its stopped children again', () => {
    const components = [sup('one_for_one'), child('a', 'stopped'), child('b', 'stopped')];
    const d = decideRecovery({ ...basePolicy, when: 'always' }, { ...ctxOf({ components }), component: 'sup' });
    expect(d.effects.map((e) => `${e.kind} ${'component' in e ? e.component : ''}`)).toEqual(['restart sup', 'restart a', 'restart b']);
  });
});

describe('Windows ladder and Redox storm guard', () => {
  test('windows-scm: restart after 1 min twice, then nothing (or a reboot if critical)', () => {
    const normal = findPreset('windows-scm')!.build({ critical: false });
    const critical = findPreset('windows-scm')!.build({ critical: true });
    const at = (failuresUs: number[]) => ctxOf({ nowUs: failuresUs.at(-1)!, history: { failuresUs } });
    expect(decideRecovery(normal, at([1 * S])).delayUs).toBe(60 * S);
    expect(decideRecovery(normal, at([1 * S, 70 * S])).delayUs).toBe(60 * S);
    expect(decideRecovery(normal, at([1 * S, 70 * S, 140 * S])).action).toBe('none');
    expect(decideRecovery(critical, at([1 * S, 70 * S, 140 * S])).effects[0]).toMatchObject({ kind: 'reboot', mode: 'graceful' });
  });
  test('redox: failing again within 5 s of a restart marks the service failed; the first failure is restarted', () => {
    const redox = findPreset('redox-restart-dependents')!.build({ critical: false });
    expect(decideRecovery(redox, ctxOf({ nowUs: 3 * S, history: { startsUs: [0] } })).action).toBe('restart');
    const again = decideRecovery(redox, ctxOf({ nowUs: 3 * S, history: { startsUs: [0, 1 * S], restartsUs: [1 * S] } }));
    expect(again.action).toBe('give-up');
    expect(again.reason).toContain('unresponsive');
  });
});

describe('jitter comes from the component stream', () => {
  test('the same draws give the same delay', () => {
    const policy: RecoveryPolicy = { ...basePolicy, delayUs: 10 * S, jitter: 0.2 };
    const a = decideRecovery(policy, ctxOf({ random: () => 0.25 }));
    const b = decideRecovery(policy, ctxOf({ random: () => 0.25 }));
    expect(a.delayUs).toBe(10.5 * S);
    expect(b.delayUs).toBe(a.delayUs);
  });
});
