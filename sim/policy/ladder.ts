import type { Micros } from '../engine/time.js';
import type { FailureLadder, LadderAction } from './types.js';

/**
 * Windows service recovery (SERVICE_FAILURE_ACTIONS, winsvc.h; MS-SCMR
 * 2.2.40): "The service controller counts the number of times each service
 * has failed since the system booted. The count is reset to 0 if the service
 * has not failed for dwResetPeriod seconds." `failuresUs` holds the failures
 * so far, the current one last; `resetUs` may be Infinity (INFINITE: never
 * reset). The count is bounded by the history kept (HISTORY_MAX failures).
 */
export function failureCount(failuresUs: readonly Micros[], resetUs: Micros): number {
  if (failuresUs.length === 0) return 0;
  let i = failuresUs.length - 1;
  while (i > 0 && failuresUs[i]! - failuresUs[i - 1]! < resetUs) i--;
  return failuresUs.length - i;
}

/**
 * "When the service fails for the Nth time, the service controller performs
 * the action specified in element [N-1] of the lpsaActions array. If N is
 * greater than cActions, the service controller repeats the last action in
 * the array." So a list ending in SC_ACTION_NONE does nothing past its end.
 */
export function ladderAction(ladder: FailureLadder, count: number): LadderAction {
  if (ladder.actions.length === 0 || count < 1) return { kind: 'none' };
  return ladder.actions[Math.min(count, ladder.actions.length) - 1]!;
}
