import type { FaultSpec } from '../scenario/types.js';
import type { ArmedFaultHooks, FaultCommand } from './fault-commands.js';

/**
 * Bridge to the fault kinds: what a fault injects, what an armed fault does
 * at lifecycle moments, and the extra fields of its trace record.
 * (Interim: replaced by the fault-kind registry, sim/faults/registry.ts.)
 */
export function injectFault(spec: FaultSpec, at: { target?: number; cause: number }): FaultCommand[] {
  const c = at.target!;
  const cause = at.cause;
  switch (spec.fault) {
    case 'crash':
      return [{ do: 'terminate', c, termination: spec.signal ? { kind: 'signal', signal: spec.signal } : { kind: 'exit', exitCode: spec.exitCode }, graceful: false, cause }];
    case 'kill':
      return [{ do: 'terminate', c, termination: { kind: 'signal', signal: 'kill' }, graceful: false, cause }];
    case 'exit':
      return [{ do: 'terminate', c, termination: { kind: 'exit', exitCode: spec.exitCode }, graceful: true, cause }];
    case 'hang':
      return [{ do: 'hang', c, cause }];
    case 'fail-start':
      return [{ do: 'arm', c, armed: { kind: 'fail-start' }, cause }];
    case 'ignore-stop':
      return [{ do: 'arm', c, armed: { kind: 'ignore-stop' }, cause }];
    case 'reboot-call-fails':
      return [{ do: 'fail-next-reboot-call', cause }];
    case 'override':
      return [{ do: 'override-policy', c, policy: spec.policy!, cause }];
    case 'destroy':
      return [{ do: 'destroy', c, cause }];
    case 'shutdown':
      return [{ do: 'user-shutdown', reason: spec.reason ?? 'user-request', cause }];
  }
}

const HOOKS: Readonly<Record<string, ArmedFaultHooks>> = {
  'fail-start': { atStartDone: () => ({ fail: true, consumed: true }) },
  'ignore-stop': { ignoresStop: true, atStartDone: () => ({ consumed: true }) },
};

export function armedHooksOf(kind: string): ArmedFaultHooks | undefined {
  return HOOKS[kind];
}

export function traceFieldsOf(spec: FaultSpec): { exitCode?: number; signal?: string } {
  return {
    ...((spec.fault === 'crash' && !spec.signal) || spec.fault === 'exit' ? { exitCode: spec.exitCode } : {}),
    ...(spec.fault === 'crash' && spec.signal ? { signal: spec.signal } : {}),
  };
}
