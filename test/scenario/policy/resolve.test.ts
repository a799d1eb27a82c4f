import { scenarioErrorOf } from '../../helpers/rejection.js';
import { describe, expect, test } from 'vitest';
import { scenarioFrom } from '../../helpers/scenario.js';

const S = 1_000_000;

function policyOf(component: string, system = '') {
  const yaml = `
name: policy vocabulary
duration: 1min
${system}
components:
  - { name: sup, kind: supervisor }
  - ${component}
`;
  return scenarioFrom(yaml).components[1]!.policy;
}

function problem(component: string, system = ''): string {
  return scenarioErrorOf(() => policyOf(component, system)).message;
}

describe('the existing forms keep working', () => {
  test('restart: on-failure', () => {
    expect(policyOf('{ name: x, restart: on-failure }')).toMatchObject({ when: 'on-failure', delayUs: 0, maxRestarts: Infinity, heartbeatMissLimit: 1 });
  });
  test('restart: { when, delay, max_restarts }', () => {
    expect(policyOf('{ name: x, restart: { when: always, delay: 500ms, max_restarts: 3 } }')).toMatchObject({ when: 'always', delayUs: 500_000, maxRestarts: 3 });
    expect(policyOf('{ name: x, restart: { delay: 1s } }').when).toBe('on-failure');
  });
  test('no restart field: never restarted', () => {
    expect(policyOf('{ name: x }').when).toBe('never');
  });
});

describe('presets and tuning', () => {
  test('a component names a preset', () => {
    expect(policyOf('{ name: x, preset: k8s-crashloop }')).toMatchObject({
      preset: 'k8s-crashloop', when: 'always', heartbeatMissLimit: 3,
      backoff: { kind: 'crashloop', initialUs: 10 * S, maxUs: 300 * S, resetAfterUs: 600 * S },
    });
  });
  test('the system names a default preset; a component field tunes it', () => {
    const p = policyOf('{ name: x, restart: { delay: 2s } }', 'system: { preset: systemd-default }');
    expect(p).toMatchObject({ preset: 'systemd-default', when: 'on-failure', delayUs: 2 * S, startLimit: { burst: 5, intervalUs: 10 * S, action: 'none' } });
  });
  test('a component preset wins over the system one', () => {
    expect(policyOf('{ name: x, preset: minix-rs }', 'system: { preset: systemd-default }').preset).toBe('minix-rs');
  });
  test('critical changes what a preset does', () => {
    // StartLimitAction=reboot, not FailureAction=reboot (which since systemd 254 runs at every failure, a restarted one too).
    expect(policyOf('{ name: x, preset: systemd-default, critical: true }')).toMatchObject({ failureAction: 'none', startLimit: { action: 'reboot' } });
    expect(policyOf('{ name: x, preset: systemd-default }')).toMatchObject({ failureAction: 'none', startLimit: { action: 'none' } });
  });
  test('the systemd vocabulary', () => {
    const p = policyOf(`{ name: x, restart: { when: on-abnormal, delay: 10s, steps: 4, max_delay: 160s, success_exit_status: [3, SIGKILL], prevent_exit_status: [4], force_exit_status: [5] },
      start_limit: { burst: 3, interval: 1min, action: reboot-force }, failure_action: reboot-immediate, binds_to: [sup], part_of: [sup] }`);
    expect(p).toMatchObject({
      when: 'on-abnormal', delayUs: 10 * S, backoff: { kind: 'steps', steps: 4, maxDelayUs: 160 * S },
      exitStatus: { success: [3, 'kill'], preventRestart: [4], forceRestart: [5] },
      startLimit: { burst: 3, intervalUs: 60 * S, action: 'reboot-force' }, failureAction: 'reboot-immediate', bindsTo: ['sup'], partOf: ['sup'],
    });
  });
  test('OTP, Kubernetes and Redox names', () => {
    expect(policyOf('{ name: x, restart: transient }').when).toBe('on-failure');
    expect(policyOf('{ name: x, restart: temporary }').when).toBe('never');
    expect(policyOf('{ name: x, restart: OnFailure }').when).toBe('on-nonzero');
    expect(policyOf('{ name: x, restart: { when: recovery, delay: 500ms } }')).toMatchObject({ when: 'on-nonzero', delayUs: 500_000 });
  });
  test('a monitor\'s supervisor spec, init\'s from system.supervisor', () => {
    const sc = scenarioFrom(`
name: sup
duration: 1min
system: { supervisor: { strategy: one_for_all, intensity: 2, period: 10s } }
components:
  - { name: sup, kind: supervisor, supervisor: { strategy: rest_for_one, intensity: 3 } }
  - { name: a, monitor: sup, restart: permanent }
`);
    expect(sc.components[0]!.policy.supervisor).toEqual({ strategy: 'rest_for_one', intensity: { maxRestarts: 3, periodUs: 5 * S } });
    expect(sc.components[1]!.policy.rootSupervisor).toEqual({ strategy: 'one_for_all', intensity: { maxRestarts: 2, periodUs: 10 * S } });
  });
  test('Windows failure actions, backoffs, critical actions, exit actions', () => {
    const p = policyOf(`{ name: x, restart: on-failure, failure_actions: { first: { restart: 1min }, subsequent: reboot, reset: 1d },
      backoff: { kind: minix, period: 2s }, critical_action: { kind: android-init, max_exits: 2 }, exit_actions: { "3": give-up, abort: reboot } }`);
    expect(p).toMatchObject({
      ladder: { actions: [{ kind: 'restart', delayUs: 60 * S }, { kind: 'none' }, { kind: 'reboot' }], resetUs: 86_400 * S },
      backoff: { kind: 'minix', periodUs: 2 * S, capPeriods: 30 },
      criticalAction: { kind: 'android-init', maxExits: 2, windowUs: 240 * S },
      exitActions: { '3': 'give-up', abort: 'reboot' },
    });
  });
});

describe('bad policy fields are reported at their place in the file', () => {
  test('an unknown preset', () => {
    expect(problem('{ name: x, preset: launchd }')).toMatch(/^inline\.yaml:7:\d+ components\[1\]\.preset: must be one of .*systemd-default/);
  });
  test('steps without max_delay', () => {
    expect(problem('{ name: x, restart: { delay: 1s, steps: 4 } }')).toMatch(/components\[1\]\.restart\.steps: a steps backoff needs both/);
  });
  test('a max_delay not above the delay', () => {
    expect(problem('{ name: x, restart: { delay: 10s, steps: 4, max_delay: 5s } }')).toMatch(/max_delay must be longer than the restart delay/);
  });
  test('a bad duration in a backoff', () => {
    expect(problem('{ name: x, backoff: { kind: crashloop, initial: soon } }')).toMatch(/components\[1\]\.backoff\.initial: not a duration/);
  });
  test('an unknown restart name', () => {
    expect(problem('{ name: x, restart: sometimes }')).toMatch(/components\[1\]\.restart: must be one of/);
  });
});

describe('policy references', () => {
  test('binds_to and part_of must name other components', async () => {
    const { checkPolicyReferences } = await import('../../../sim/scenario/policy-references.js');
    // The loader runs the check, so a misspelt name is a positioned load error.
    expect(() => scenarioFrom(`
name: refs
duration: 1min
components:
  - { name: db, restart: on-failure }
  - { name: web, restart: on-failure, part_of: [db], binds_to: [cache] }
`)).toThrow('inline.yaml:6:65 components[1].binds_to[0]: no component named "cache"');
    const ok = scenarioFrom(`
name: refs
duration: 1min
components:
  - { name: db, restart: on-failure }
  - { name: web, restart: on-failure, part_of: [db] }
`);
    expect(() => checkPolicyReferences(ok)).not.toThrow();
  });
});

describe('issue 11: Windows action lists, Android reboot target, OTP shutdown', () => {
  test('failure_actions.actions: a list of any length; reset: infinite', () => {
    const ladder = policyOf('{ name: x, restart: on-failure, failure_actions: { actions: [{ restart: 1s }, { restart: 2s }, { restart: 3s }, { restart: 4s }, none], reset: infinite } }').ladder!;
    expect(ladder.actions.map((a) => a.kind)).toEqual(['restart', 'restart', 'restart', 'restart', 'none']);
    expect(ladder.resetUs).toBe(Infinity);
  });
  test('actions and first/second/subsequent together are refused, naming the field', () => {
    expect(problem('{ name: x, failure_actions: { first: reboot, actions: [none] } }')).toMatch(/components\[1\]\.failure_actions\.first: give the actions once/);
  });
  test('critical_action target: bootloader by default, or as written', () => {
    expect(policyOf('{ name: x, critical: true, critical_action: android-init }').criticalAction).toMatchObject({ target: 'bootloader' });
    expect(policyOf('{ name: x, critical: true, critical_action: { kind: android-init, target: recovery } }').criticalAction).toMatchObject({ target: 'recovery' });
  });
  test('shutdown: brutal_kill, a time, infinity; not with stop_timeout', () => {
    const at = (c: string) => scenarioFrom(`name: s\nduration: 1min\ncomponents:\n  - ${c}\n`).components[0]!;
    expect(at('{ name: x, shutdown: brutal_kill }')).toMatchObject({ brutalKill: true, stopTimeoutUs: 0 });
    expect(at('{ name: x, shutdown: 500ms }').stopTimeoutUs).toBe(500_000);
    expect(at('{ name: x, shutdown: infinity }').stopTimeoutUs).toBe(Infinity);
    expect(() => at('{ name: x, shutdown: 1s, stop_timeout: 2s }')).toThrow(/components\[0\]\.shutdown: give one of `shutdown` \(OTP\) and `stop_timeout`/);
  });
});
