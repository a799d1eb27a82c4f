import { exitCause } from './restart-conditions.js';
import { describeTermination } from './termination.js';
import type { Effect, FailureContext, RecoveryDecision, RecoveryPolicy } from './types.js';

/** The systemd whose semantics apply when a scenario names none (OnFailure=, RestartMode=). */
export const DEFAULT_SYSTEMD_VERSION = 255;

/**
 * systemd 254 added RestartMode= and the SERVICE_FAILED_BEFORE_AUTO_RESTART
 * state (src/core/service.c, service_enter_dead(): "We make two state changes
 * here: one that maps to the high-level UNIT_INACTIVE/UNIT_FAILED state [...]
 * and then one that maps to the high-level UNIT_STARTING state"). Before it,
 * unit_notify() skipped OnFailure= while the unit would auto-restart
 * (`if (!(flags & UNIT_NOTIFY_WILL_AUTO_RESTART)) unit_start_on_failure(u)`, v249).
 */
export const FAILED_BEFORE_AUTO_RESTART_SINCE = 254;

/** How a failed unit goes on: restarted by its Restart=, or failed for good (no restart, the start limit hit). */
export type FailureOutcome = 'restarting' | 'for-good';

/**
 * Whether a failure makes the unit enter the `failed` state, which is what
 * fires OnFailure= (unit_notify(): `ns != os && ns == UNIT_FAILED`). Failing
 * for good always does. A failure followed by an automatic restart does from
 * v254 on, unless RestartMode=direct ("the service transitions to the
 * activating state directly during auto-restart, skipping failed/inactive
 * state [...] OnSuccess= and OnFailure= are skipped", systemd.service(5)).
 */
export function entersFailedState(policy: RecoveryPolicy, outcome: FailureOutcome): boolean {
  if (outcome === 'for-good') return true;
  const version = policy.systemdVersion ?? DEFAULT_SYSTEMD_VERSION;
  return version >= FAILED_BEFORE_AUTO_RESTART_SINCE && policy.restartMode !== 'direct';
}

/** OnFailure=: a start job for each listed unit (unit_start_on_termination_deps(), src/core/unit.c), when the unit enters failed. */
export function onFailureEffects(policy: RecoveryPolicy, component: string, outcome: FailureOutcome): Effect[] {
  if (!policy.onFailure?.length || !entersFailedState(policy, outcome)) return [];
  const when = outcome === 'restarting' ? 'it failed and will be restarted' : 'it failed for good';
  return policy.onFailure.map((unit): Effect => ({ kind: 'start', component: unit, reason: `OnFailure= of ${component}: ${when}` }));
}

const REBOOT_MODE = { reboot: 'graceful', 'reboot-force': 'force', 'reboot-immediate': 'immediate' } as const;

/**
 * FailureAction= runs where OnFailure= does: unit_notify() (src/core/unit.c),
 * `if (os != UNIT_FAILED && ns == UNIT_FAILED) emergency_action(m, u->failure_action, ...)`.
 * So it follows `entersFailedState`: from v254 (SERVICE_FAILED_BEFORE_AUTO_RESTART
 * maps to UNIT_FAILED) at every failure, a restarted one included, unless
 * RestartMode=direct; before v254 only when the unit fails for good. A decision
 * that fails it for good already carries it (decide.ts giveUp, start-limit.ts);
 * this adds it to a failure followed by an automatic restart.
 */
export function failureActionEffects(policy: RecoveryPolicy, component: string, outcome: FailureOutcome, how: string): Effect[] {
  const action = policy.failureAction ?? 'none';
  if (action === 'none' || outcome !== 'restarting' || !entersFailedState(policy, outcome)) return [];
  return [{ kind: 'reboot', mode: REBOOT_MODE[action], reason: `${component} failed (${how}): FailureAction=${action} runs at every entry to the failed state, an automatic restart's included (systemd ${FAILED_BEFORE_AUTO_RESTART_SINCE}+)` }];
}

/**
 * OnSuccess= (unit_notify(): a start job for each unit of UNIT_ATOM_ON_SUCCESS
 * when the unit enters inactive from an active state, not from failed): a
 * clean end. Followed by an automatic restart, the unit passes through
 * inactive from v254 (SERVICE_DEAD_BEFORE_AUTO_RESTART), unless
 * RestartMode=direct ("OnSuccess= and OnFailure= are skipped"); before v254
 * unit_notify() skipped it (`!(flags & UNIT_NOTIFY_WILL_AUTO_RESTART)`).
 */
export function onSuccessEffects(policy: RecoveryPolicy, component: string, outcome: FailureOutcome): Effect[] {
  if (!policy.onSuccess?.length || !entersFailedState(policy, outcome)) return [];
  const when = outcome === 'restarting' ? 'it ended cleanly and will be restarted' : 'it ended cleanly';
  return policy.onSuccess.map((unit): Effect => ({ kind: 'start', component: unit, reason: `OnSuccess= of ${component}: ${when}` }));
}

/**
 * Adds the OnFailure= starts and FailureAction= to a decision taken after a
 * failure, or the OnSuccess= starts after a clean end (exit 0, SIGTERM,
 * SuccessExitStatus=: the unit goes inactive, not failed, systemd's result "success").
 */
export function withOnFailure(policy: RecoveryPolicy, ctx: Pick<FailureContext, 'component' | 'termination'>, decision: RecoveryDecision): RecoveryDecision {
  const clean = exitCause(ctx.termination, policy.exitStatus?.success) === 'clean';
  if (clean ? !policy.onSuccess?.length : !policy.onFailure?.length && (policy.failureAction ?? 'none') === 'none') return decision;
  const restarting = decision.effects.some((e) => e.kind === 'restart' && e.component === ctx.component);
  const outcome: FailureOutcome = restarting ? 'restarting' : 'for-good';
  const extra = clean
    ? onSuccessEffects(policy, ctx.component, outcome)
    : [...failureActionEffects(policy, ctx.component, outcome, describeTermination(ctx.termination)), ...onFailureEffects(policy, ctx.component, outcome)];
  if (extra.length === 0) return decision;
  const rebooted = extra.some((e) => e.kind === 'reboot');
  return { ...decision, ...(rebooted ? { action: `${decision.action}+${policy.failureAction}` } : {}), effects: [...decision.effects, ...extra] };
}
