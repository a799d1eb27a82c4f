import type { Micros } from '../engine/time.js';
import { androidCrashCount } from './android-critical.js';
import { backoffDelayUs, withJitterUs } from './backoff.js';
import { childrenRestartEffects, companions, groupRestartEffects, otpGroupRestartEffects } from './group.js';
import { groupTerminations } from './intensity.js';
import { failureCount, ladderAction } from './ladder.js';
import { withOnFailure } from './on-failure.js';
import { intensityExceeded, restartsInWindow } from './rate-limit.js';
import { exitCause, shouldRestart } from './restart-conditions.js';
import { describeTermination, isFailure } from './termination.js';
import { restartsSoFar, type Effect, type ExitAction, type FailureContext, type GroupStrategy, type RecoveryDecision, type RecoveryPolicy, type SupervisorSpec, type SystemAction } from './types.js';

/** What a one_for_one decision restarts besides the failed child, and the siblings a strategy that reads none is given: nothing (shared, never written). */
const NO_OTHERS: readonly string[] = Object.freeze([]);
const NO_SIBLINGS: readonly { name: string }[] = Object.freeze([]);

const REBOOT_MODE = { reboot: 'graceful', 'reboot-force': 'force', 'reboot-immediate': 'immediate' } as const;

function formatS(us: Micros): string {
  return `${Number((us / 1e6).toFixed(3))}s`;
}

function rebootEffect(action: Exclude<SystemAction, 'none'>, reason: string): Effect {
  return { kind: 'reboot', mode: REBOOT_MODE[action], reason };
}

/** The component is given up on (state failed); systemd's FailureAction= fires when it fails for good. */
function giveUp(policy: RecoveryPolicy, ctx: FailureContext, reason: string, action: SystemAction = policy.failureAction ?? 'none'): RecoveryDecision {
  const effects: Effect[] = [{ kind: 'give-up', component: ctx.component }];
  if (action !== 'none') effects.push(rebootEffect(action, `${ctx.component} failed: ${reason}`));
  return { action: action === 'none' ? 'give-up' : `give-up+${action}`, reason, effects };
}

/** The monitor's group behaviour: the monitor component's spec, or (children of init) the one the child carries. */
function supervisorOf(policy: RecoveryPolicy, ctx: FailureContext): SupervisorSpec | undefined {
  const monitor = ctx.system.get(ctx.monitor);
  return monitor ? monitor.policy.supervisor : policy.rootSupervisor;
}

function exitActionFor(policy: RecoveryPolicy, ctx: FailureContext): ExitAction | undefined {
  if (!policy.exitActions) return undefined;
  const t = ctx.termination;
  const key = t.kind === 'exit' ? String(t.exitCode) : t.kind === 'signal' ? t.signal : undefined;
  return key === undefined ? undefined : policy.exitActions[key];
}

/** A rule that decides before the restart condition: exit-code actions and critical components. */
function overridingDecision(policy: RecoveryPolicy, ctx: FailureContext, how: string): RecoveryDecision | 'restart' | undefined {
  const mapped = exitActionFor(policy, ctx);
  if (mapped !== undefined) {
    const why = `${how} is mapped to ${mapped}`;
    switch (mapped) {
      case 'restart':
        return 'restart';
      case 'none':
        return { action: 'none', reason: why, effects: [] };
      case 'give-up':
        return giveUp(policy, ctx, why);
      case 'escalate':
        return { action: 'escalate', reason: why, effects: [{ kind: 'escalate', reason: `${ctx.component}: ${why}` }] };
      default:
        return { action: 'reboot', reason: why, effects: [rebootEffect(mapped, `${ctx.component}: ${why}`)] };
    }
  }
  const critical = policy.critical ? policy.criticalAction : undefined;
  if (critical?.kind === 'reboot' && (critical.on === 'any' || isFailure(ctx.termination))) {
    const reason = `critical component terminated (${how}): ${critical.mode} reboot`;
    return { action: 'reboot', reason, effects: [{ kind: 'reboot', mode: critical.mode, reason: `critical-component-failure: ${ctx.component}` }] };
  }
  // service.cpp Reap(): `was_last_exit_ok_ = siginfo.si_code == CLD_EXITED && siginfo.si_status == 0`, and only
  // `!was_last_exit_ok_` exits count towards `crash_count_`: a clean exit (code 0) neither counts nor resets the window.
  if (critical?.kind === 'android-init' && isFailure(ctx.termination)) {
    const exits = failedExitInstants(ctx);
    const bootUs = ctx.history.startsUs[0] ?? 0;
    const count = androidCrashCount(exits, bootUs, critical.windowUs, ctx.bootCompleted);
    if (count > critical.maxExits) {
      const when = ctx.bootCompleted ? `in ${formatS(critical.windowUs)}` : 'before boot completed';
      // service.cpp Reap(): "Aborts into `fatal_reboot_target_'" (LOG(FATAL), then InitFatalReboot:
      // RebootSystem(ANDROID_RB_RESTART2, target)): no orderly shutdown, and no boot of Android after it.
      const into = critical.target === 'normal' ? 'reboot (target: normal boot)' : `reboot into ${critical.target}`;
      const reason = `critical process exited ${count} times ${when}: ${into}`;
      const target = critical.target === 'normal' ? {} : { target: critical.target };
      return { action: 'reboot', reason, effects: [{ kind: 'reboot', mode: 'immediate', reason: `critical process ${ctx.component} exited ${count} times ${when}`, ...target }] };
    }
  }
  return undefined;
}

const GROUP_ACTION: Readonly<Record<GroupStrategy, string>> = {
  one_for_one: 'restart',
  one_for_all: 'restart-all',
  rest_for_one: 'restart-rest',
  'restart-dependents': 'restart-dependents',
};

/**
 * The monitor's decision after a termination: a pure function of the policy
 * and what happened. The model applies the effects. In order: exit-code
 * actions (Redox R1) and critical-component rules; the restart condition
 * (systemd Restart= table with its exit-status lists); the restart-storm
 * guard (Redox R6); the failure ladder (Windows SCM); the limits (restart
 * count, OTP intensity); the delay (backoff, jitter); then who restarts with
 * it (group strategy, a supervisor's children); last, systemd OnFailure=
 * (on-failure.ts). The systemd start limit is tested when the restart runs
 * (start-limit.ts), and BindsTo=/PartOf= are jobs the model propagates
 * (bindings.ts), not part of this decision.
 */
export function decideRecovery(policy: RecoveryPolicy, ctx: FailureContext): RecoveryDecision {
  return withOnFailure(policy, ctx, decideAfterEnd(policy, ctx));
}

function decideAfterEnd(policy: RecoveryPolicy, ctx: FailureContext): RecoveryDecision {
  const how = describeTermination(ctx.termination);
  const override = overridingDecision(policy, ctx, how);
  if (override !== undefined && override !== 'restart') return override;

  let why: string;
  if (override === 'restart') why = `${how} is mapped to restart`;
  else {
    const condition = shouldRestart(policy.when, policy.exitStatus, ctx.termination);
    if (!condition.restart) {
      const unclean = exitCause(ctx.termination, policy.exitStatus?.success) !== 'clean';
      if (unclean && policy.failureAction && policy.failureAction !== 'none') return giveUp(policy, ctx, `${condition.why} (${how})`);
      return { action: 'none', reason: `${condition.why} (${how})`, effects: [] };
    }
    why = `${condition.why} (${how})`;
  }

  const starts = ctx.history.startsUs;
  // Indexed, not `.at(-1)`: a builtin call per decision.
  const lastStartUs = starts.length === 0 ? undefined : starts[starts.length - 1];
  if (policy.stormGuardUs !== undefined && isFailure(ctx.termination) && restartsSoFar(ctx.history) > 0 && lastStartUs !== undefined && ctx.nowUs - lastStartUs < policy.stormGuardUs) {
    return giveUp(policy, ctx, `failed again ${formatS(ctx.nowUs - lastStartUs)} after its last start (storm guard ${formatS(policy.stormGuardUs)}): unresponsive`);
  }

  let delayUs = backoffDelayUs(policy.backoff, policy.delayUs, ctx);
  if (policy.ladder && isFailure(ctx.termination)) {
    const failures = [...ctx.history.failuresUs];
    if (failures.at(-1) !== ctx.nowUs) failures.push(ctx.nowUs);
    const n = failureCount(failures, policy.ladder.resetUs);
    const rung = ladderAction(policy.ladder, n);
    if (rung.kind === 'none') return { action: 'none', reason: `failure ${n}: take no action (${how})`, effects: [] };
    if (rung.kind === 'reboot') {
      const reason = `failure ${n}: restart the computer (${how})`;
      return { action: 'reboot', reason, effects: [{ kind: 'reboot', mode: 'graceful', reason: `${ctx.component} failure ${n}: restart the computer` }] };
    }
    delayUs = rung.delayUs;
    why = `failure ${n}: restart the service (${how})`;
  }

  const restarts = restartsSoFar(ctx.history);
  if (restarts >= policy.maxRestarts) return giveUp(policy, ctx, `${restarts} restarts reached the limit of ${policy.maxRestarts} (${how})`);

  const supervisor = supervisorOf(policy, ctx);
  if (supervisor?.intensity) {
    const { maxRestarts, periodUs } = supervisor.intensity;
    const instants = groupTerminations(ctx);
    if (intensityExceeded(instants, ctx.nowUs, maxRestarts, periodUs)) {
      const n = restartsInWindow(instants, ctx.nowUs, periodUs);
      const reason = `restart ${n} within ${formatS(periodUs)} would exceed intensity ${maxRestarts}: ${ctx.monitor} stops its children and gives up`;
      return { action: 'escalate', reason, effects: [{ kind: 'escalate', reason: `restart intensity of ${ctx.monitor} reached (${ctx.component}: ${how})` }] };
    }
  }

  delayUs = withJitterUs(delayUs, policy.jitter, ctx.random);
  // systemd's start limit is not tested here but when the restart's start job runs, RestartSec
  // later (start-limit.ts, decideStart): the unit waits in auto-restart until then.

  const strategy = supervisor?.strategy ?? 'one_for_one';
  const inTurn = strategy === 'one_for_all' || strategy === 'rest_for_one';
  // Only OTP's group strategies read the siblings: a one_for_one decision (most of them) lists none.
  const others = strategy === 'one_for_one' ? NO_OTHERS : companions(strategy, ctx.component, inTurn ? ctx.siblings : NO_SIBLINGS, ctx.system);
  const effects = (inTurn ? otpGroupRestartEffects : groupRestartEffects)(ctx.component, others, ctx.system, delayUs);
  const children = childrenRestartEffects(ctx.component, ctx.system, delayUs);
  if (children.length > 0) {
    const touched = new Set([ctx.component, ...others]);
    effects.push(...children.filter((e) => !touched.has((e as { component: string }).component)));
  }
  const action = others.length > 0 ? GROUP_ACTION[strategy] : 'restart';
  return { action, reason: `${why}${others.length > 0 ? `; ${strategy} restarts ${others.join(', ')} too` : ''}`, delayUs, effects };
}

/** The instants of the failed terminations so far this boot (exit code 0 excluded), the current one last. */
function failedExitInstants(ctx: FailureContext): Micros[] {
  const list = [...ctx.history.failuresUs];
  if (list.at(-1) !== ctx.nowUs) list.push(ctx.nowUs);
  return list;
}
