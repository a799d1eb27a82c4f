import { criticalProcessFailurePanics } from './critical-process-failure-panics.js';
import { criticalTerminationReboots } from './critical-termination-reboots.js';
import { disallowedFailsToStart } from './disallowed-fails-to-start.js';
import { noDataLostOnGracefulReboot } from './no-data-lost-on-graceful-reboot.js';
import { noEventLost } from './no-event-lost.js';
import { noRebootDuringShutdown } from './no-reboot-during-shutdown.js';
import { noRebootOnDestroy } from './no-reboot-on-destroy.js';
import { noRestartLivelock } from './no-restart-livelock.js';
import { noStartBeforeDependencies } from './no-start-before-dependencies.js';
import { oneLiveInstance } from './one-live-instance.js';
import { oneRebootInFlight } from './one-reboot-in-flight.js';
import { rebootOnlyFromAllowlist } from './reboot-only-from-allowlist.js';
import { rebootRecordsReason } from './reboot-records-reason.js';
import { recoversAfterFaults } from './recovers-after-faults.js';
import { requestedRebootCompletes } from './requested-reboot-completes.js';
import { restartsWithinLimit } from './restarts-within-limit.js';
import { shutdownStopsDependentsFirst } from './shutdown-stops-dependents-first.js';
import type { Invariant } from './types.js';

export type { Invariant, InvariantObserver } from './types.js';

/**
 * The catalogue, the one registry of invariants: safety first, in the order
 * the README lists it (generated from here), which is also the order of
 * violations that point at the same record.
 */
export const INVARIANTS: readonly Invariant[] = [
  noRebootDuringShutdown,
  noRebootOnDestroy,
  oneRebootInFlight,
  shutdownStopsDependentsFirst,
  noStartBeforeDependencies,
  oneLiveInstance,
  noDataLostOnGracefulReboot,
  rebootOnlyFromAllowlist,
  disallowedFailsToStart,
  criticalProcessFailurePanics,
  rebootRecordsReason,
  restartsWithinLimit,
  noEventLost,
  criticalTerminationReboots,
  requestedRebootCompletes,
  recoversAfterFaults,
  noRestartLivelock,
];

export function invariantById(id: string): Invariant | undefined {
  return INVARIANTS.find((inv) => inv.id === id);
}
