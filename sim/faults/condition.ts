import { z } from 'zod';
import { componentName } from '../format/fields.js';
import type { LifecycleState } from '../vocabulary/words.js';
import { ScenarioProblem, type FieldPath } from '../format/errors.js';

/**
 * A fault that depends on state (`while:`): it fires only while another
 * component is (`state:`) or is not (`not:`) in a lifecycle state, e.g.
 * `{ fail_start: app, while: { component: db, not: running } }`: every start
 * of app fails while db is down (a dependency nobody declared), or
 * `{ exit: app, when: { record: state, component: db }, while: { component: db, state: stopped } }`:
 * app exits whenever db stops.
 *
 * - A fault that acts at once (crash, exit, hang, ...) is injected only if
 *   the condition holds when it would land; otherwise nothing happens (no
 *   record). A `when:` trigger whose condition does not hold when its record
 *   appears does not fire at all, so it does not use up one of its `times`.
 * - A fault that arms (fail_start, slow_start, ignore_stop) stays armed for
 *   the rest of the boot and acts at every lifecycle moment where the
 *   condition holds then (each start of the component, each stop request);
 *   it is never used up. A boot clears it, as it clears every armed fault.
 */

const LIFECYCLE_STATES = ['stopped', 'starting', 'running', 'stopping', 'hung', 'failed', 'destroyed'] as const;

const state = z.enum(LIFECYCLE_STATES);

export const whileField = z
  .strictObject({
    component: componentName,
    state: state.optional().describe('Fires only while the component is in this state.'),
    not: state.optional().describe('Fires only while the component is not in this state.'),
  })
  .describe('A fault that depends on state: it fires only while `component` is in `state` (or not in `not`).');

export interface FaultCondition {
  component: string;
  /** `in`: holds while the component is in `state`; `not-in`: while it is not. */
  test: 'in' | 'not-in';
  state: LifecycleState;
}

export function resolveCondition(input: z.infer<typeof whileField>, path: FieldPath): FaultCondition {
  if ((input.state === undefined) === (input.not === undefined)) {
    throw new ScenarioProblem(path, 'write one of `state: <state>` (fires while the component is in it) or `not: <state>` (while it is not)');
  }
  return input.state !== undefined
    ? { component: input.component, test: 'in', state: input.state }
    : { component: input.component, test: 'not-in', state: input.not! };
}

/** Whether the condition holds for a component now in `current`. */
export function conditionHolds(condition: Pick<FaultCondition, 'test' | 'state'>, current: LifecycleState): boolean {
  return (current === condition.state) === (condition.test === 'in');
}

/** How the condition reads in a record: `while db is not running`. */
export function describeCondition(condition: FaultCondition): string {
  return `while ${condition.component} is ${condition.test === 'in' ? '' : 'not '}${condition.state}`;
}

/** The file spelling, for writing a scenario back. */
export function conditionToFile(condition: FaultCondition): Record<string, string> {
  return { component: condition.component, [condition.test === 'in' ? 'state' : 'not']: condition.state };
}
