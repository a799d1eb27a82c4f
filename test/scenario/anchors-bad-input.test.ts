import { describe, expect, test } from 'vitest';
import { ScenarioError } from '../../sim/format/errors.js';
import { parseScenario } from '../../sim/scenario/load.js';

/** The new fields of issue 11 items 6 and 8 refuse bad input with one line: file:line:col field: what to change. */
const BAD_INPUTS: [string, string, string][] = [
  ['a liveness probe with successThreshold 2 (Kubernetes refuses it)', `name: x
duration: 1min
components:
  - name: db
    probes: { liveness: { success_threshold: 2 } }
`, 'x.yaml:5:46 components[0].probes.liveness.success_threshold: must be 1 for a liveness probe (Kubernetes refuses any other value)'],
  ['a probe period of 0', `name: x
duration: 1min
components:
  - name: db
    probes: { readiness: { period: 0s } }
`, 'x.yaml:5:36 components[0].probes.readiness.period: must be above 0 (periodSeconds: minimum value is 1)'],
  ['a quorum larger than its members', `name: x
duration: 1min
components:
  - { name: a }
  - { name: b }
  - { name: api, depends: { quorum: 3, of: [a, b] } }
`, 'x.yaml:6:37 components[2].depends.quorum: a quorum of 3 cannot be met by 2 members'],
  ['an unknown quorum member', `name: x
duration: 1min
components:
  - { name: a }
  - { name: b }
  - { name: api, depends: [a, { quorum: 1, of: [b, c] }] }
`, 'x.yaml:6:52 components[2].depends[1].of[1]: unknown component "c"'],
  ['an unknown name after a quorum item points at the name as written', `name: x
duration: 1min
components:
  - { name: a }
  - { name: api, depends: [{ quorum: 1, of: [a] }, fsd] }
`, 'x.yaml:5:52 components[1].depends[1]: unknown component "fsd"'],
  ['a cycle through a quorum (F12)', `name: x
duration: 1min
components:
  - { name: a, depends: [api] }
  - { name: b }
  - { name: api, depends: { quorum: 1, of: [a, b] } }
`, 'x.yaml:4:25 components[0].depends: dependency cycle: a -> api -> a'],
  ['a while with both state and not', `name: x
duration: 1min
components: [{ name: a }, { name: b }]
faults:
  - { at: 1s, crash: a, while: { component: b, state: running, not: stopped } }
`, 'x.yaml:5:32 faults[0].while: write one of `state: <state>` (fires while the component is in it) or `not: <state>` (while it is not)'],
  ['a while on an unknown component', `name: x
duration: 1min
components: [{ name: a }]
faults:
  - { at: 1s, crash: a, while: { component: db, state: running } }
`, 'x.yaml:5:45 faults[0].while.component: unknown component "db"'],
];

describe('bad probe, quorum and while: input gets one line naming the field to change', () => {
  test.each(BAD_INPUTS)('%s', (_what, yaml, message) => {
    let error: unknown;
    try {
      parseScenario(yaml, 'x.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(String(error)).toBe(message);
  });
});
