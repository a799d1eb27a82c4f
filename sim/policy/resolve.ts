import { parseDuration } from '../engine/time.js';
import { ScenarioProblem, type FieldPath } from '../scenario/errors.js';
import type { PolicyComponentInput, PolicySystemInput } from './schema.js';
import type { RecoveryPolicy } from './types.js';

export const DEFAULT_POLICY: RecoveryPolicy = { when: 'never', delayUs: 0, maxRestarts: Infinity, heartbeatMissLimit: 1 };

/**
 * Resolves one component's policy fields. `path` is the component's path in
 * the file (e.g. ['components', 2]), for error messages.
 */
export function resolvePolicy(component: PolicyComponentInput, _system: PolicySystemInput, path: FieldPath): RecoveryPolicy {
  const r = component.restart;
  if (r === undefined) return { ...DEFAULT_POLICY };
  if (typeof r === 'string') return { ...DEFAULT_POLICY, when: r };
  let delayUs = DEFAULT_POLICY.delayUs;
  if (r.delay !== undefined) {
    const parsed = parseDuration(r.delay);
    if (typeof parsed !== 'number') throw new ScenarioProblem([...path, 'restart', 'delay'], parsed.error);
    delayUs = parsed;
  }
  return {
    when: r.when ?? 'on-failure',
    delayUs,
    maxRestarts: r.max_restarts ?? Infinity,
    heartbeatMissLimit: r.heartbeat_miss_limit ?? 1,
  };
}
