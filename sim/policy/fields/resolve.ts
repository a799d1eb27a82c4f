import { parseDuration, US_PER_MIN, US_PER_S, type Micros } from '../../engine/time.js';
import { ScenarioProblem, type FieldPath } from '../../format/errors.js';
import { DEFAULT_SYSTEMD_VERSION, FAILED_BEFORE_AUTO_RESTART_SINCE } from '../on-failure.js';
import { findPreset } from '../presets/index.js';
import { RESTART_ALIASES } from '../restart-conditions.js';
import type { PolicyComponentInput, PolicySystemInput } from './schema.js';
import type { Backoff, CriticalAction, ExitStatus, FailureLadder, LadderAction, RecoveryPolicy, RestartWhen, SupervisorSpec, SystemAction } from '../types.js';

export const DEFAULT_POLICY: RecoveryPolicy = { when: 'never', delayUs: 0, maxRestarts: Infinity, heartbeatMissLimit: 1 };

/** Android init README, `critical`: "default value of _fatal reboot target_ is 'bootloader'" (reboot_utils.cpp). */
const ANDROID_FATAL_REBOOT_TARGET = 'bootloader';

/** OTP supervisor(3) defaults: intensity 1, period 5 s. */
const OTP_PERIOD_US = 5 * US_PER_S;

function durationAt(text: string, path: FieldPath): Micros {
  const parsed = parseDuration(text);
  if (typeof parsed !== 'number') throw new ScenarioProblem(path, parsed.error);
  return parsed;
}

function whenOf(text: string): RestartWhen {
  return RESTART_ALIASES[text] ?? 'never';
}

function exitStatuses(list: readonly (number | string)[] | undefined): ExitStatus[] {
  return (list ?? []).map((s) => (typeof s === 'number' ? s : (s.replace(/^SIG/, '').toLowerCase() as 'kill' | 'term' | 'abort')));
}

type SupervisorInput = NonNullable<PolicyComponentInput['supervisor']>;

export function resolveSupervisor(input: SupervisorInput, base: SupervisorSpec | undefined, path: FieldPath): SupervisorSpec {
  const strategy = input.strategy ?? base?.strategy ?? 'one_for_one';
  const periodUs = input.period !== undefined ? durationAt(input.period, [...path, 'period']) : base?.intensity?.periodUs ?? OTP_PERIOD_US;
  const maxRestarts = input.intensity ?? base?.intensity?.maxRestarts;
  if (input.period !== undefined && maxRestarts === undefined) throw new ScenarioProblem([...path, 'period'], '`period` needs `intensity` (the restarts allowed per period)');
  return maxRestarts === undefined ? { strategy } : { strategy, intensity: { maxRestarts, periodUs } };
}

function resolveBackoff(input: NonNullable<PolicyComponentInput['backoff']>, path: FieldPath): Backoff {
  const d = (text: string | undefined, fallback: Micros, field: string): Micros => (text === undefined ? fallback : durationAt(text, [...path, field]));
  switch (input.kind) {
    case 'fixed':
      return { kind: 'fixed' };
    case 'steps':
      return { kind: 'steps', steps: input.steps, maxDelayUs: d(input.max_delay, 0, 'max_delay') };
    case 'crashloop':
      return { kind: 'crashloop', initialUs: d(input.initial, 10 * US_PER_S, 'initial'), maxUs: d(input.max, 300 * US_PER_S, 'max'), resetAfterUs: d(input.reset_after, 10 * US_PER_MIN, 'reset_after') };
    case 'minix':
      return { kind: 'minix', periodUs: d(input.period, US_PER_S, 'period'), capPeriods: input.cap ?? 30 };
    case 'restart-period':
      return { kind: 'restart-period', periodUs: d(input.period, 5 * US_PER_S, 'period') };
  }
}

function resolveRung(rung: 'none' | 'reboot' | { restart: string }, path: FieldPath): LadderAction {
  if (rung === 'none') return { kind: 'none' };
  if (rung === 'reboot') return { kind: 'reboot' };
  return { kind: 'restart', delayUs: durationAt(rung.restart, [...path, 'restart']) };
}

/**
 * Windows SERVICE_FAILURE_ACTIONS: either the services.msc shape (first,
 * second, subsequent) or `actions`, the lpsaActions array of any length.
 * The SCM repeats the last entry for failures past the list, so a list
 * ending in `none` does nothing past it (ladder.ts).
 */
function resolveLadder(f: NonNullable<PolicyComponentInput['failure_actions']>, path: FieldPath): FailureLadder {
  const resetUs = f.reset === undefined ? 24 * 60 * US_PER_MIN : f.reset === 'infinite' ? Infinity : durationAt(f.reset, [...path, 'reset']);
  const named = (['first', 'second', 'subsequent'] as const).filter((k) => f[k] !== undefined);
  if (f.actions !== undefined) {
    if (named.length > 0) throw new ScenarioProblem([...path, named[0]!], 'give the actions once: either `actions: [...]` or `first`/`second`/`subsequent`');
    return { actions: f.actions.map((x, i) => resolveRung(x, [...path, 'actions', i])), resetUs };
  }
  const rungs = [f.first, f.second, f.subsequent];
  const last = rungs.map((x, i) => (x === undefined ? -1 : i)).reduce((a, b) => Math.max(a, b), -1);
  if (last < 0) throw new ScenarioProblem(path, 'name at least one of `first`, `second`, `subsequent` (or give `actions: [...]`)');
  const names = ['first', 'second', 'subsequent'];
  return {
    actions: rungs.slice(0, last + 1).map((x, i) => (x === undefined ? { kind: 'none' } : resolveRung(x, [...path, names[i]!]))),
    resetUs,
  };
}

function resolveCriticalAction(input: NonNullable<PolicyComponentInput['critical_action']>, path: FieldPath): CriticalAction {
  if (typeof input === 'object') {
    return { kind: 'android-init', maxExits: input.max_exits ?? 4, windowUs: input.window === undefined ? 4 * US_PER_MIN : durationAt(input.window, [...path, 'window']), target: input.target ?? ANDROID_FATAL_REBOOT_TARGET };
  }
  switch (input) {
    case 'none':
      return { kind: 'none' };
    case 'android-init':
      return { kind: 'android-init', maxExits: 4, windowUs: 4 * US_PER_MIN, target: ANDROID_FATAL_REBOOT_TARGET };
    case 'reboot':
      return { kind: 'reboot', mode: 'graceful', on: 'any' };
    case 'reboot-on-failure':
      return { kind: 'reboot', mode: 'graceful', on: 'failure' };
    case 'reboot-force':
      return { kind: 'reboot', mode: 'force', on: 'failure' };
    case 'panic':
      return { kind: 'reboot', mode: 'immediate', on: 'failure' };
  }
}

/**
 * The policy a component starts from: its own preset, else the system's,
 * else "never restart". `critical` is passed to the preset because presets
 * treat critical components differently.
 */
function basePolicy(component: PolicyComponentInput, system: PolicySystemInput, critical: boolean): RecoveryPolicy {
  const name = component.preset ?? system.preset;
  const preset = name === undefined ? undefined : findPreset(name);
  return preset ? preset.build({ critical }) : { ...DEFAULT_POLICY, critical };
}

/**
 * The policy of every component that sets no policy field under a system
 * without a preset: one frozen object each for critical and not (a million
 * services of a large system share two instead of holding a million copies).
 */
const DEFAULT_NOT_CRITICAL: RecoveryPolicy = Object.freeze({ ...DEFAULT_POLICY, critical: false });
const DEFAULT_CRITICAL: RecoveryPolicy = Object.freeze({ ...DEFAULT_POLICY, critical: true });

/** Whether neither the component nor the system sets anything `resolvePolicy` reads besides `critical`. */
function setsNoPolicy(c: PolicyComponentInput, system: PolicySystemInput): boolean {
  return c.preset === undefined && system.preset === undefined && system.supervisor === undefined && system.systemd_version === undefined &&
    c.restart === undefined && c.backoff === undefined && c.start_limit === undefined && c.failure_action === undefined &&
    c.failure_actions === undefined && c.critical_action === undefined && c.supervisor === undefined && c.binds_to === undefined &&
    c.part_of === undefined && c.on_failure === undefined && c.on_success === undefined && c.restart_mode === undefined &&
    c.exit_actions === undefined;
}

/**
 * Resolves one component's policy fields: a preset (the component's, or the
 * system's) tuned by every field the component sets. `path` is the
 * component's path in the file (e.g. ['components', 2]), for error messages.
 */
export function resolvePolicy(component: PolicyComponentInput, system: PolicySystemInput, path: FieldPath): RecoveryPolicy {
  const at = (...rest: (string | number)[]): FieldPath => [...path, ...rest];
  const critical = component.critical ?? false;
  if (setsNoPolicy(component, system)) return critical ? DEFAULT_CRITICAL : DEFAULT_NOT_CRITICAL;
  const base = basePolicy(component, system, critical);
  const hasPreset = base.preset !== undefined;
  const policy: RecoveryPolicy = { ...base };

  const r = component.restart;
  if (typeof r === 'string') policy.when = whenOf(r);
  else if (r !== undefined) {
    policy.when = r.when !== undefined ? whenOf(r.when) : hasPreset ? base.when : 'on-failure';
    if (r.delay !== undefined) policy.delayUs = durationAt(r.delay, at('restart', 'delay'));
    if (r.max_restarts !== undefined) policy.maxRestarts = r.max_restarts;
    if (r.heartbeat_miss_limit !== undefined) policy.heartbeatMissLimit = r.heartbeat_miss_limit;
    if (r.jitter !== undefined) policy.jitter = r.jitter;
    if (r.steps !== undefined || r.max_delay !== undefined) {
      if (r.steps === undefined || r.max_delay === undefined) {
        throw new ScenarioProblem(at('restart', r.steps === undefined ? 'max_delay' : 'steps'), 'a steps backoff needs both `steps` (RestartSteps=) and `max_delay` (RestartMaxDelaySec=)');
      }
      policy.backoff = { kind: 'steps', steps: r.steps, maxDelayUs: durationAt(r.max_delay, at('restart', 'max_delay')) };
    }
    if (r.success_exit_status || r.prevent_exit_status || r.force_exit_status) {
      policy.exitStatus = {
        success: exitStatuses(r.success_exit_status ?? base.exitStatus?.success as ExitStatus[] | undefined),
        preventRestart: exitStatuses(r.prevent_exit_status ?? base.exitStatus?.preventRestart as ExitStatus[] | undefined),
        forceRestart: exitStatuses(r.force_exit_status ?? base.exitStatus?.forceRestart as ExitStatus[] | undefined),
      };
    }
  }
  if (component.backoff !== undefined) {
    if (typeof r === 'object' && (r.steps !== undefined || r.max_delay !== undefined)) {
      throw new ScenarioProblem(at('backoff'), 'give the backoff once: either `backoff:` or `restart.steps`/`restart.max_delay`');
    }
    policy.backoff = resolveBackoff(component.backoff, at('backoff'));
  }
  if (policy.backoff?.kind === 'steps' && policy.backoff.steps > 0 && policy.backoff.maxDelayUs <= policy.delayUs) {
    throw new ScenarioProblem(at('restart', 'max_delay'), `max_delay must be longer than the restart delay (${policy.delayUs}us) for the steps to grow`);
  }

  if (component.start_limit !== undefined) {
    const s = component.start_limit;
    policy.startLimit = { burst: s.burst, intervalUs: durationAt(s.interval, at('start_limit', 'interval')), action: (s.action ?? 'none') as SystemAction };
  }
  if (component.failure_action !== undefined) policy.failureAction = component.failure_action as SystemAction;
  if (component.failure_actions !== undefined) policy.ladder = resolveLadder(component.failure_actions, at('failure_actions'));
  if (component.critical_action !== undefined) policy.criticalAction = resolveCriticalAction(component.critical_action, at('critical_action'));
  if (component.supervisor !== undefined) policy.supervisor = resolveSupervisor(component.supervisor, base.supervisor, at('supervisor'));
  if (system.supervisor !== undefined) policy.rootSupervisor = resolveSupervisor(system.supervisor, base.rootSupervisor, ['system', 'supervisor']);
  if (component.binds_to !== undefined) policy.bindsTo = [...component.binds_to];
  if (component.part_of !== undefined) policy.partOf = [...component.part_of];
  if (component.on_failure !== undefined) policy.onFailure = [...component.on_failure];
  if (component.on_success !== undefined) policy.onSuccess = [...component.on_success];
  if (system.systemd_version !== undefined) policy.systemdVersion = system.systemd_version;
  if (component.restart_mode !== undefined) {
    if (component.restart_mode === 'direct' && (policy.systemdVersion ?? DEFAULT_SYSTEMD_VERSION) < FAILED_BEFORE_AUTO_RESTART_SINCE) {
      throw new ScenarioProblem(at('restart_mode'), `RestartMode= needs systemd ${FAILED_BEFORE_AUTO_RESTART_SINCE} or later (system.systemd_version is ${policy.systemdVersion})`);
    }
    policy.restartMode = component.restart_mode;
  }
  if (component.exit_actions !== undefined) {
    policy.exitActions = { ...(component.exit_actions as RecoveryPolicy['exitActions']) };
  }
  return policy;
}
