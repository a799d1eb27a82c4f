import { z } from 'zod';
import { ScenarioProblem } from '../../format/errors.js';
import { OPERATOR_ACTIONS, type OperatorAction } from '../../vocabulary/words.js';
import { componentName } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export interface OperatorSpec extends ComponentFaultSpec<'operator'> {
  action: OperatorAction;
}

/**
 * Not a fault: an operator acts on a unit, as `systemctl start | stop |
 * restart | reset-failed` does (systemctl(1)), scheduled like a fault (`at`,
 * `when`, `rate`). Its record is an `operator` record, not a `fault`. What each
 * action does is the model's (sim/model/reactors/operator.ts): a start or a
 * restart is a start job, tested against the start limit; a stop cancels a
 * pending automatic restart; both propagate through BindsTo=/PartOf=;
 * reset-failed clears the start-limit counter and the failed state.
 */
export const operator = defineFaultKind({
  key: 'operator',
  kind: 'operator',
  targets: 'component',
  value: componentName,
  fields: { action: z.enum(OPERATOR_ACTIONS).describe('What the operator does to the unit: systemctl start, stop, restart or reset-failed.') },
  defaults: {},
  resolve: ({ value, fields }, path): OperatorSpec => {
    if (fields.action === undefined) throw new ScenarioProblem([...path, 'operator'], `an operator action needs \`action:\` (${OPERATOR_ACTIONS.join(', ')})`);
    return { fault: 'operator', target: value, action: fields.action };
  },
  toFile: (spec) => ({ operator: spec.target, action: spec.action }),
  traceFields: (spec): { action?: OperatorAction } => ({ action: spec.action }),
  inject: (spec, { target, cause }) => [{ do: 'operator', c: target!, action: spec.action, cause }],
  record: 'operator',
  doc: {
    value: 'X',
    summary: "Not a fault: an operator's `systemctl` on X, `action: start`, `stop`, `restart` or `reset-failed` (recorded as an `operator` record); starts count toward the start limit, reset-failed clears it",
    rule: 'A (systemd)',
    fields: '`action` (`start`, `stop`, `restart`, `reset-failed`)',
  },
});
