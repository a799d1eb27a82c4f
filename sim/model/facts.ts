import type { OperatorAction, Termination } from '../trace/records.js';
import type { SimEvent } from './events.js';
import type { StopReason } from './state.js';

/**
 * What a termination sets off depends on why the process ended. Decided once,
 * when it ends (`routeOf`), and carried by the fact, so each reactor reads it
 * instead of re-deriving the precedence that used to live in the order of
 * early returns.
 */
export type TerminationRoute =
  /** The system is shutting down: only the shutdown and (flawed) component manager care. */
  | 'shutdown'
  /** The system is rebooting or panicking: nothing reacts. */
  | 'stopping'
  /** Destroyed (DestroyChild, a transient collection's parent stopping): F2, no reboot, no restart. */
  | 'destroy'
  /** Stopped by a job from outside its own policy (group strategy, escalation, BindsTo=/PartOf=, an operator): restarted only with its group, not a failure. */
  | 'policy'
  /** Taken down from outside (a dependency, a user-monitor strategy): resumes when what it waits for runs. */
  | 'dependency'
  /** It ended on its own: its monitor and the system decide. */
  | 'own';

/** Something that happened, handed to the reactors in the order `reactions.ts` declares. */
export type Fact =
  /** A timer of the engine fired. */
  | { f: 'timer'; event: SimEvent }
  | { f: 'boot-started'; seq: number }
  /** A fault's record was written (`seq`): what its kind does comes next. */
  | { f: 'fault-injected'; fault: number; seq: number }
  | { f: 'shutdown-started'; seq: number }
  /** F6/F7: a reboot request was written (`seq`); the shutdown shim forwards it now. */
  | { f: 'reboot-requested'; seq: number; culprit: string; reason: string; by: string }
  /**
   * A start that will not happen for now (`seq`: its start-refused or
   * start-failed record): those waiting for the component are blocked too.
   */
  | { f: 'start-blocked'; c: number; seq: number }
  /** A component reached running. */
  | { f: 'started'; c: number; seq: number }
  /** A running component passed its readiness probe: what waits for it may start (Kubernetes). */
  | { f: 'ready'; c: number; seq: number }
  /** An operator acted on a unit (its `operator` record is `seq`). */
  | { f: 'operator'; c: number; action: OperatorAction; seq: number }
  /** A running component stopped answering. */
  | { f: 'hung'; c: number; seq: number }
  /** A process ended. */
  | {
      f: 'terminated';
      c: number;
      termination: Termination;
      route: TerminationRoute;
      stopReason?: StopReason;
      /** With a dependency stop: what else it waits for before it starts again. */
      waitFor: string[];
      /** How long it ran before it ended (0 if it never reached running). */
      ranForUs: number;
      /** It exited during its start (F10: Started with an error). */
      startFailed: boolean;
      /** `seq` of the terminated record. */
      seq: number;
      /** `seq` of the detection record when the monitor found it (heartbeat, call) before it ended. */
      detectedSeq?: number;
    };

export type FactKind = Fact['f'];
export type FactOf<K extends FactKind> = Extract<Fact, { f: K }>;

/** Why a termination happened, which decides who reacts (see TerminationRoute). */
export function routeOf(power: string, stopReason: StopReason | undefined): TerminationRoute {
  if (power === 'shutting-down') return 'shutdown';
  if (power === 'rebooting' || power === 'panic' || power === 'halted') return 'stopping';
  if (stopReason === 'destroy') return 'destroy';
  if (stopReason === 'policy' || stopReason === 'binding' || stopReason === 'operator') return 'policy';
  if (stopReason === 'dependency') return 'dependency';
  return 'own';
}
