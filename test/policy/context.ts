import { systemViewOf } from '../../sim/policy/system-view.js';
import type { ComponentView, FailureContext, PolicyHistory, RecoveryPolicy } from '../../sim/policy/types.js';
import type { Termination } from '../../sim/trace/records.js';

export const S = 1_000_000;
export const crash: Termination = { kind: 'exit', exitCode: 1 };
export const cleanExit: Termination = { kind: 'exit', exitCode: 0 };

export const basePolicy: RecoveryPolicy = { when: 'on-failure', delayUs: 0, maxRestarts: Infinity, heartbeatMissLimit: 1 };

/** A failure context for pure decision tests: one component `x` under init unless told otherwise. */
export function ctxOf(over: Partial<FailureContext> & { history?: Partial<PolicyHistory>; components?: readonly ComponentView[] } = {}): FailureContext {
  const history: PolicyHistory = { startsUs: [0], failuresUs: [], restartsUs: [], ...over.history };
  const components: ComponentView[] = over.components ? [...over.components] : [{ name: 'x', state: 'stopped', monitor: 'init', depends: [], policy: basePolicy }];
  const { components: _given, ...rest } = over;
  return {
    component: 'x',
    nowUs: 10 * S,
    termination: crash,
    ranForUs: 1 * S,
    bootCompleted: true,
    monitor: 'init',
    siblings: components.filter((c) => c.monitor === (over.monitor ?? 'init')).map((c) => ({ name: c.name, state: c.state })),
    random: () => 0.5,
    ...rest,
    history,
    system: systemViewOf(components),
  };
}
