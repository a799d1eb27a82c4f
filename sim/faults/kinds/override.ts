import type { RecoveryPolicy } from '../../policy/types.js';
import { resolvePolicy } from '../../policy/fields/resolve.js';
import { policyComponentShape } from '../../policy/fields/schema.js';
import { componentName } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export interface OverrideSpec extends ComponentFaultSpec<'override'> {
  /** The restart policy that replaces the target's from then on. */
  policy: RecoveryPolicy;
}

/** Not a fault: a run-time change of a component's policy (R2), scheduled like one. */
export const override = defineFaultKind({
  key: 'override',
  kind: 'override',
  targets: 'component',
  value: componentName,
  fields: policyComponentShape,
  defaults: {},
  resolve: ({ value, fields }, path, { system }): OverrideSpec => ({ fault: 'override', target: value, policy: resolvePolicy(fields, system, path) }),
  toFile: () => {
    // The policy IR is not translated back into file fields; explore, the one writer of scenarios, never draws an override.
    throw new Error('an override cannot be written back to a scenario file');
  },
  traceFields: () => ({}),
  inject: (spec, { target, cause }) => [{ do: 'override-policy', c: target!, policy: spec.policy, cause }],
  notAtRate: 'an override happens at a moment (`at` or `when`), not at a rate',
  doc: {
    value: 'X',
    summary: "Not a fault: replaces X's recovery policy from then on",
    rule: 'R2',
    fields: 'the component policy fields (`restart`, `preset`, `backoff`, ...)',
  },
});
