import type { Micros } from '../engine/time.js';
import { onFailureEffects } from './on-failure.js';
import { startLimitHit } from './rate-limit.js';
import type { Effect, RecoveryDecision, RecoveryPolicy } from './types.js';

const REBOOT_MODE = { reboot: 'graceful', 'reboot-force': 'force', 'reboot-immediate': 'immediate' } as const;

function formatS(us: Micros): string {
  return `${Number((us / 1e6).toFixed(3))}s`;
}

/**
 * systemd tests the start limit when a start job runs, not when the unit
 * fails: unit_start() (src/core/unit.c; service_start() itself in older
 * versions) calls unit_test_start_limit(), which logs "Start request repeated
 * too quickly", runs StartLimitAction= (emergency_action()) and refuses the
 * start; the unit then enters `failed` (start-limit-hit). An automatic restart
 * is such a job: the restart timer fires RestartSec after the failure
 * (service_enter_restart(): "Scheduled restart job, restart counter is at N"),
 * and only then is the limit tested. Manual starts count too (every start
 * that runs is counted by the ratelimit). Returns the refusal, or undefined
 * when the start may run.
 */
export function decideStart(policy: RecoveryPolicy, component: string, startsUs: readonly Micros[], nowUs: Micros): RecoveryDecision | undefined {
  const limit = policy.startLimit;
  if (!limit || !startLimitHit(startsUs, nowUs, limit.burst, limit.intervalUs)) return undefined;
  // The unit enters failed, so FailureAction= applies too when StartLimitAction= is none (unit_notify()).
  const action = limit.action !== 'none' ? limit.action : policy.failureAction ?? 'none';
  const reason = `start request repeated too quickly: more than ${limit.burst} starts in ${formatS(limit.intervalUs)} (start-limit-hit)`;
  const effects: Effect[] = [{ kind: 'give-up', component }];
  if (action !== 'none') effects.push({ kind: 'reboot', mode: REBOOT_MODE[action], reason: `${component} failed: ${reason}` });
  effects.push(...onFailureEffects(policy, component, 'for-good'));
  return { action: action === 'none' ? 'give-up' : `give-up+${action}`, reason, effects };
}
