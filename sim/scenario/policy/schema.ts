import { z } from 'zod';
import { presetNames } from '../../policy/presets/index.js';
import { restartWhenNames } from '../../policy/restart-conditions.js';

/**
 * The scenario fields that describe recovery policy, as written in the file.
 * `../schema.ts` spreads these shapes into the component and system schemas,
 * so the policy vocabulary grows here without touching the rest of the file
 * format; `resolve.ts` beside this file turns them into the policy IR.
 */

const duration = z
  .string({ error: 'expected a duration such as "50ms", "3s" or "10min"' })
  .regex(/^\s*\d+(\.\d+)?\s*(us|ms|s|min|h|d)\s*$/, {
    error: 'not a duration (write a number and a unit: us, ms, s, min, h, d, e.g. "50ms" or "10min")',
  });

const name = z.string({ error: 'expected a component name' }).min(1, { error: 'a name cannot be empty' });

const when = z
  .enum(restartWhenNames as [string, ...string[]])
  .describe('systemd Restart= (no/never, always, on-success, on-failure, on-abnormal, on-abort, on-watchdog), OTP (permanent, transient, temporary), Kubernetes (Always, OnFailure, Never) or Redox (timer, recovery).');

const exitStatus = z
  .union([z.number().int().min(0).max(255), z.enum(['kill', 'term', 'abort', 'SIGKILL', 'SIGTERM', 'SIGABRT'])])
  .describe('An exit code (0-255) or a signal (kill, term, abort).');

const systemAction = z.enum(['none', 'reboot', 'reboot-force', 'reboot-immediate']);

const restart = z.strictObject({
  when: when.optional().describe('When the monitor restarts the component (default on-failure, or the preset\'s).'),
  delay: duration.optional().describe('Wait before each restart (systemd RestartSec=; the first step of a backoff).'),
  max_restarts: z.number().int().min(0).optional().describe('Give up (state failed) after this many restarts since boot.'),
  heartbeat_miss_limit: z.number().int().min(1).optional().describe('Missed heartbeats before a hung component is killed (default 1; MINIX 3 uses 2, Kubernetes failureThreshold 3).'),
  steps: z.number().int().min(0).optional().describe('systemd RestartSteps=: steps from `delay` to `max_delay` (a `steps` backoff).'),
  max_delay: duration.optional().describe('systemd RestartMaxDelaySec=: the longest delay of a `steps` backoff.'),
  jitter: z.number().min(0).max(1).optional().describe('Adds up to this fraction of each delay, from the component\'s seeded stream.'),
  success_exit_status: z.array(exitStatus).optional().describe('systemd SuccessExitStatus=: further statuses counted as a clean exit.'),
  prevent_exit_status: z.array(exitStatus).optional().describe('systemd RestartPreventExitStatus=: never restarted after these.'),
  force_exit_status: z.array(exitStatus).optional().describe('systemd RestartForceExitStatus=: always restarted after these.'),
});

const backoff = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed') }),
  z.strictObject({ kind: z.literal('steps'), steps: z.number().int().min(0), max_delay: duration }),
  z.strictObject({ kind: z.literal('crashloop'), initial: duration.optional(), max: duration.optional(), reset_after: duration.optional() }),
  z.strictObject({ kind: z.literal('minix'), period: duration.optional(), cap: z.number().int().min(1).optional() }),
  z.strictObject({ kind: z.literal('restart-period'), period: duration.optional() }),
]);

const ladderRung = z.union([z.enum(['none', 'reboot']), z.strictObject({ restart: duration })]);

const supervisor = z.strictObject({
  strategy: z.enum(['one_for_one', 'one_for_all', 'rest_for_one', 'restart-dependents']).optional(),
  intensity: z.number().int().min(0).optional().describe('OTP: at most this many restarts per `period` (more and the supervisor gives up).'),
  period: duration.optional().describe('OTP: the intensity window (default 5s).'),
});

const criticalAction = z.union([
  z.enum(['none', 'android-init', 'reboot', 'reboot-on-failure', 'reboot-force', 'panic']),
  z.strictObject({
    kind: z.literal('android-init'),
    max_exits: z.number().int().min(0).optional(),
    window: duration.optional().describe('init `critical window=<mins>`: the fatal crash window (default 4min).'),
    target: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/, { error: 'a reboot target name such as bootloader, recovery or fastboot (or normal)' })
      .optional()
      .describe('init `critical target=<fatal reboot target>`: where the device reboots and stays (default bootloader); `normal` boots Android again (recsim\'s value).'),
  }),
]);

export const policyComponentShape = {
  preset: z.enum(presetNames as [string, ...string[]]).optional().describe('Start from a named policy preset; any field below tunes it.'),
  critical: z.boolean().optional().describe('Essential to the system: each preset decides what that means (reboot, panic, Android critical, ...).'),
  restart: z.union([when, restart]).optional(),
  backoff: backoff.optional().describe('How the restart delay grows: fixed, steps (systemd), crashloop (Kubernetes), minix, restart-period (Android).'),
  start_limit: z
    .strictObject({ burst: z.number().int().min(1), interval: duration, action: systemAction.optional() })
    .optional()
    .describe('systemd StartLimitBurst= starts per StartLimitIntervalSec=; the next fails the unit and runs StartLimitAction=.'),
  failure_action: systemAction.optional().describe('systemd FailureAction=: when the component fails for good.'),
  failure_actions: z
    .strictObject({
      first: ladderRung.optional(),
      second: ladderRung.optional(),
      subsequent: ladderRung.optional(),
      actions: z
        .array(ladderRung)
        .min(1, { error: 'name at least one action' })
        .max(1024, { error: 'at most 1024 actions (cActions is range(0, 1024) in MS-SCMR)' })
        .optional()
        .describe('SERVICE_FAILURE_ACTIONS lpsaActions: the action for failure N is entry N; failures past the list repeat the last entry (end with `none` to do nothing past it). Instead of first/second/subsequent.'),
      reset: z.union([duration, z.literal('infinite')]).optional().describe('dwResetPeriod: the failure count resets to 0 after this long without a failure (default 1 day; `infinite`: never).'),
    })
    .optional()
    .describe('Windows service recovery: actions for the first, second and subsequent failures (or a list of any length, `actions`); the count resets after `reset`.'),
  critical_action: criticalAction.optional().describe('What a critical component\'s termination does (overrides the preset).'),
  supervisor: supervisor.optional().describe('On a monitor: how it restarts its children (OTP strategy and intensity).'),
  binds_to: z.array(name).optional().describe('systemd BindsTo=: stop when any of these terminates.'),
  part_of: z.array(name).optional().describe('systemd PartOf=: restarted when any of these is restarted.'),
  on_failure: z
    .array(name)
    .optional()
    .describe('systemd OnFailure=: units started when this one enters the failed state (every failure from systemd 254, only failing for good before; see system.systemd_version).'),
  on_success: z
    .array(name)
    .optional()
    .describe('systemd OnSuccess=: units started when this one ends cleanly and goes inactive (also before an automatic restart from systemd 254, unless RestartMode=direct).'),
  restart_mode: z
    .enum(['normal', 'direct'])
    .optional()
    .describe('systemd RestartMode= (254+): direct restarts without entering the failed state, so OnFailure= and BindsTo= units are not triggered by a failure it restarts.'),
  exit_actions: z
    .record(z.string().regex(/^(\d+|kill|term|abort)$/, { error: 'keys are exit codes or signals (kill, term, abort)' }), z.enum(['restart', 'none', 'give-up', 'escalate', 'reboot', 'reboot-force', 'reboot-immediate']))
    .optional()
    .describe('Redox R1: an action per exit code or signal, e.g. { "3": give-up }.'),
};

export const policySystemShape = {
  preset: z.enum(presetNames as [string, ...string[]]).optional().describe('The policy preset of every component that does not name its own.'),
  supervisor: supervisor.optional().describe('How init treats its children (OTP strategy and intensity at the top level).'),
  systemd_version: z
    .number()
    .int()
    .min(200)
    .max(999)
    .optional()
    .describe('The systemd whose semantics apply to OnFailure=, OnSuccess=, FailureAction= and RestartMode= (default 255): before 254 a failure that Restart= restarts does not fire OnFailure= or FailureAction=; before 257 a RestartMode=direct restart still restarts bound units.'),
};

type Shape<S> = { [K in keyof S]?: S[K] extends z.ZodType ? z.infer<S[K]> : never };
export type PolicyComponentInput = Shape<typeof policyComponentShape>;
export type PolicySystemInput = Shape<typeof policySystemShape>;
