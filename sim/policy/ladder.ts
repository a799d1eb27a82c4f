import type { Micros } from '../engine/time.js';
import type { FailureLadder, LadderAction } from './types.js';

/**
 * Windows service recovery (SERVICE_FAILURE_ACTIONS): the SCM counts a
 * service's failures and resets the count to zero after dwResetPeriod with
 * no failure. The n-th failure takes action n; failures beyond the list take
 * the last one ("subsequent failures"). `failuresUs` holds the failures so
 * far, the current one last.
 */
export function failureCount(failuresUs: readonly Micros[], resetUs: Micros): number {
  if (failuresUs.length === 0) return 0;
  let i = failuresUs.length - 1;
  while (i > 0 && failuresUs[i]! - failuresUs[i - 1]! < resetUs) i--;
  return failuresUs.length - i;
}

export function ladderAction(ladder: FailureLadder, count: number): LadderAction {
  if (ladder.actions.length === 0 || count < 1) return { kind: 'none' };
  return ladder.actions[Math.min(count, ladder.actions.length) - 1]!;
}
