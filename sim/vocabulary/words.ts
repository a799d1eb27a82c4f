/**
 * The words the trace, the policies, the faults and the model share: the
 * bottom floor, importing nothing. A component's lifecycle states, why a
 * process ended, the system's power states, reboot modes and what an
 * operator may do. (Fault kinds are named by their registry,
 * sim/faults/registry.ts, so that a new kind is one module and one line.)
 */

/** A component's lifecycle: `stopped -> starting -> running -> stopping -> stopped`, plus `hung`, `failed` (given up on) and `destroyed`. */
export type LifecycleState = 'stopped' | 'starting' | 'running' | 'stopping' | 'hung' | 'failed' | 'destroyed';

/**
 * The system's power state, as the power manager sees it. `halted`: the
 * device reset into a reboot target outside the OS (Android init's fatal
 * reboot target, `bootloader` by default) and stays there: no boot follows.
 */
export type PowerState = 'up' | 'shutting-down' | 'rebooting' | 'panic' | 'booting' | 'halted';

/** Why a process ended. */
export type Termination =
  | { kind: 'exit'; exitCode: number }
  | { kind: 'signal'; signal: 'kill' | 'term' | 'abort' }
  | { kind: 'stop-timeout' }
  | { kind: 'missed-heartbeat' }
  | { kind: 'call-timeout' }
  /** Killed by the kubelet after a failed liveness or startup probe (Kubernetes). */
  | { kind: 'probe-failed'; probe: 'liveness' | 'startup' }
  | { kind: 'system-reset' };

export type RebootMode = 'graceful' | 'ungraceful';

/** What an operator does to a unit, as systemctl spells it. */
export const OPERATOR_ACTIONS = ['start', 'stop', 'restart', 'reset-failed'] as const;
export type OperatorAction = (typeof OPERATOR_ACTIONS)[number];
