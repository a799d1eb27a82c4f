import type { FailureContext, RecoveryDecision, RecoveryPolicy } from './types.js';
import { describeTermination, isFailure } from './termination.js';

/**
 * The monitor's decision after a termination: a pure function of the policy
 * and what happened. The model applies the effects.
 */
export function decideRecovery(policy: RecoveryPolicy, ctx: FailureContext): RecoveryDecision {
  const failed = isFailure(ctx.termination);
  const how = describeTermination(ctx.termination);
  if (policy.when === 'never') return { action: 'none', reason: `restart policy is never (${how})`, effects: [] };
  if (policy.when === 'on-failure' && !failed) {
    return { action: 'none', reason: `stopped properly (${how}); on-failure does not restart`, effects: [] };
  }
  const restarts = ctx.history.restartsUs.length;
  if (restarts >= policy.maxRestarts) {
    return {
      action: 'give-up',
      reason: `${restarts} restarts reached the limit of ${policy.maxRestarts} (${how})`,
      effects: [{ kind: 'give-up', component: ctx.component }],
    };
  }
  return {
    action: 'restart',
    reason: `${policy.when} after ${how}`,
    delayUs: policy.delayUs,
    effects: [{ kind: 'restart', component: ctx.component, delayUs: policy.delayUs }],
  };
}
