import type { RecoveryPolicy } from '../policy/types.js';
import type { LifecycleState, OperatorAction, Termination } from '../vocabulary/words.js';

/**
 * A fault armed on a component: plain data that waits on the component's
 * state for the lifecycle moment it changes (a start, a stop request). The
 * fault kind that armed it (sim/faults/kinds/) says what it does there.
 */
export interface ArmedFault {
  /** The trace spelling of the fault kind that armed it, e.g. `fail-start`. */
  kind: string;
  /** Kind-specific numbers, e.g. `{ factor: 3 }` for slow-start. */
  data?: Readonly<Record<string, number>>;
  /**
   * A `while:` condition (sim/faults/condition.ts): the fault acts only while
   * component `c` is (`in`) or is not (`not-in`) in `state`, and is never used up.
   */
  while?: { c: number; test: 'in' | 'not-in'; state: LifecycleState; why: string };
}

/**
 * What a fault asks the model to do. The model's one writer (`apply`) carries
 * these out and guards each (terminating a process that is not alive, or
 * hanging one that is not running, changes nothing). Components are referred
 * to by index in the scenario's component list.
 */
export type FaultCommand =
  /** The process ends: `graceful` flushes its data and drains its requests. */
  | { do: 'terminate'; c: number; termination: Termination; graceful: boolean; cause: number }
  /** A running process stops answering (R3). */
  | { do: 'hang'; c: number; cause: number }
  /** Arms a fault on the component (consumed at a lifecycle moment, see `ArmedFaultHooks`). */
  | { do: 'arm'; c: number; armed: ArmedFault; cause: number }
  /** DestroyChild: the component is stopped and destroyed (F2). */
  | { do: 'destroy'; c: number; cause: number }
  /** Replaces the component's restart policy from now on (R2). */
  | { do: 'override-policy'; c: number; policy: RecoveryPolicy; cause: number }
  /** The next Admin.Reboot call returns an error (F7). */
  | { do: 'fail-next-reboot-call'; cause: number }
  /** A user asks for a graceful reboot (F11: `reason` is recorded). */
  | { do: 'user-shutdown'; reason: string; cause: number }
  /** An operator acts on a unit (systemctl): the operator reactor decides what that means. */
  | { do: 'operator'; c: number; action: OperatorAction; cause: number };

/**
 * What an armed fault does at the lifecycle moments the model consults. Each
 * hook says whether the arming is used up there. A boot clears every
 * armed fault (a reset process starts clean).
 */
export interface ArmedFaultHooks {
  /** A start begins: multiply the start latency by `latencyFactor`. */
  atStartBegin?(armed: ArmedFault): { latencyFactor?: number; consumed: boolean };
  /** A start would complete: `fail` makes the process exit during start instead. */
  atStartDone?(armed: ArmedFault): { fail?: boolean; consumed: boolean };
  /** While armed, stop requests are ignored (the stop timeout then kills it). */
  ignoresStop?: boolean;
}
