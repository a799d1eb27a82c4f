import { exitCause } from './restart-conditions.js';
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

/**
 * Adds the OnFailure= starts to a decision taken after a termination. Only a
 * failure counts: a clean exit (exit 0, SIGTERM, SuccessExitStatus=) leaves
 * the unit inactive, not failed (systemd's result "success").
 */
export function withOnFailure(policy: RecoveryPolicy, ctx: Pick<FailureContext, 'component' | 'termination'>, decision: RecoveryDecision): RecoveryDecision {
  if (!policy.onFailure?.length || exitCause(ctx.termination, policy.exitStatus?.success) === 'clean') return decision;
  const restarting = decision.effects.some((e) => e.kind === 'restart' && e.component === ctx.component);
  const extra = onFailureEffects(policy, ctx.component, restarting ? 'restarting' : 'for-good');
  return extra.length === 0 ? decision : { ...decision, effects: [...decision.effects, ...extra] };
}
