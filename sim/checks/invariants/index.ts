import { bootCompletes } from './boot-completes.js';
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
import { recoversFromSingleFault } from './recovers-from-single-fault.js';
import { requestedRebootCompletes } from './requested-reboot-completes.js';
import { restartsWithinLimit } from './restarts-within-limit.js';
import { shutdownStopsDependentsFirst } from './shutdown-stops-dependents-first.js';
import type { Invariant } from './types.js';

export type { Invariant, InvariantObserver } from './types.js';

/**
 * Kinds. Safety and liveness invariants judge the model: a sound model keeps
 * them whatever the scenario's policies, so a violation is a model bug and a
 * finding of `recsim explore`. A policy invariant judges the policy a scenario
 * chose; a sound model breaks it when the policy asks to. Two are:
 * no-restart-livelock (restarting forever at one instant is what a
 * zero-delay, unlimited policy asks for) and recovers-from-single-fault (a
 * component left down after one fault is what a policy that never restarts
 * it asks for). restarts-within-limit stays safety:
 * it checks that a monitor keeps to the limit its policy sets, which a sound
 * model always does. no-event-lost stays safety although `dispatch_if_started`
 * loses events by design (F10): it also guards `on_receive: start`, under
 * which a loss is a model bug, and scenarios that choose the lossy mode say so
 * in `expect: violations`.
 */

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
  bootCompletes,
  recoversAfterFaults,
  noRestartLivelock,
  recoversFromSingleFault,
];

export function invariantById(id: string): Invariant | undefined {
  return INVARIANTS.find((inv) => inv.id === id);
}
