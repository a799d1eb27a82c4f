import type { Micros } from '../engine/time.js';
import type { RestartPolicy } from '../scenario/types.js';
import type { Termination } from '../trace/records.js';

export type RestartDecision =
  | { action: 'restart'; delayUs: Micros; reason: string }
  | { action: 'none'; reason: string }
  | { action: 'give-up'; reason: string };

/** Redox R1: exit code 0 means "stopped properly"; every other ending is a failure. */
export function isFailure(termination: Termination): boolean {
  return !(termination.kind === 'exit' && termination.exitCode === 0);
}

export function describeTermination(termination: Termination): string {
  switch (termination.kind) {
    case 'exit':
      return `exit code ${termination.exitCode}`;
    case 'signal':
      return `signal ${termination.signal}`;
    default:
      return termination.kind;
  }
}

/**
 * The basic monitor's decision: a pure function of the policy, how many times
 * the component was restarted already, and how it ended.
 */
export function decideRestart(policy: RestartPolicy, restartsSoFar: number, termination: Termination): RestartDecision {
  const failed = isFailure(termination);
  const how = describeTermination(termination);
  if (policy.when === 'never') return { action: 'none', reason: `restart policy is never (${how})` };
  if (policy.when === 'on-failure' && !failed) return { action: 'none', reason: `stopped properly (${how}); on-failure does not restart` };
  if (restartsSoFar >= policy.maxRestarts) {
    return { action: 'give-up', reason: `${restartsSoFar} restarts reached the limit of ${policy.maxRestarts} (${how})` };
  }
  return { action: 'restart', delayUs: policy.delayUs, reason: `${policy.when} after ${how}` };
}
