import { describe, expect, test } from 'vitest';
import { FAULT_KINDS } from '../../sim/faults/registry.js';
import { ScenarioError } from '../../sim/format/errors.js';
import { loadScenarioFile, parseScenario } from '../../sim/scenario/load.js';

/** Each bad input, the one-line message it gets (file:line:col field.path: what to change). */
const BAD_INPUTS: [string, string, string][] = [
  ['unknown dependency', `name: x
duration: 1min
components:
  - name: ahcid
  - name: redoxfs
    depends: [ahcid, fsd]
`, 'x.yaml:6:22 components[1].depends[1]: unknown component "fsd"'],
  ['dependency cycle, named before the run (F12)', `name: x
duration: 1min
components:
  - { name: a, depends: [c] }
  - { name: b, depends: [a] }
  - { name: c, depends: [b] }
`, 'x.yaml:4:25 components[0].depends: dependency cycle: a -> c -> b -> a'],
  ['duration without a unit', `name: x
duration: 10 minutes
components: [{ name: a }]
`, 'x.yaml:2:11 duration: not a duration (write a number and a unit: us, ms, s, min, h, d, e.g. "50ms" or "10min")'],
  ['misspelt field', `name: x
duration: 1min
components:
  - name: a
    restrat: always
`, 'x.yaml:5:5 components[0].restrat: unknown field "restrat"'],
  ['unknown kind', `name: x
duration: 1min
components:
  - { name: a, kind: daemon }
`, 'x.yaml:4:22 components[0].kind: must be one of "driver", "service", "app", "monitor", "power-manager", "component-manager", "supervisor", got "daemon"'],
  ['missing required field', `name: x
components: [{ name: a }]
`, 'x.yaml:1:1 duration: missing required field'],
  ['YAML syntax error', `name: x
duration: 1min
components:
  - { name: a
`, 'x.yaml:5:1 (top level): invalid YAML: Flow map in block collection must be sufficiently indented and end with a }'],
  ['fault without a kind', `name: x
duration: 1min
components: [{ name: a }]
faults:
  - { at: 10s, exit_code: 3 }
`, `x.yaml:5:5 faults[0]: a fault needs a kind and its target, e.g. \`crash: netstack\` (kinds: ${FAULT_KINDS.map((k) => k.key).join(', ')})`],
  ['a field of another fault kind', `name: x
duration: 1min
components: [{ name: a }]
faults:
  - { at: 10s, hang: a, exit_code: 3 }
`, 'x.yaml:5:25 faults[0].exit_code: `exit_code` does not apply to a hang fault (it applies to crash, exit)'],
  ['a policy field on a fault that is not an override', `name: x
duration: 1min
components: [{ name: a }]
faults:
  - { at: 10s, hang: a, restart: always }
`, 'x.yaml:5:25 faults[0].restart: `restart` does not apply to a hang fault (it applies to override)'],
  ['a signal on a kill (always SIGKILL)', `name: x
duration: 1min
components: [{ name: a }]
faults:
  - { at: 10s, kill: a, signal: term }
`, 'x.yaml:5:25 faults[0].signal: `signal` does not apply to a kill fault (it applies to crash)'],
  ['fault with two triggers', `name: x
duration: 1min
components: [{ name: a }]
faults:
  - { at: 10s, rate: 6/h, crash: a }
`, 'x.yaml:5:5 faults[0]: a fault takes one trigger, found `at` and `rate`'],
  ['fault on an unknown component', `name: x
duration: 1min
components: [{ name: a }]
faults:
  - { at: 1s, crash: b }
`, 'x.yaml:5:22 faults[0].crash: unknown component "b"'],
  ['fault after the end of the run', `name: x
duration: 1min
components: [{ name: a }]
faults:
  - { at: 2min, crash: a }
`, 'x.yaml:5:11 faults[0].at: this fault is scheduled after the end of the run (see `duration`)'],
  ['unknown moniker in the allowlist (F4)', `name: x
duration: 1min
system:
  reboot_on_terminate: { allowlist: [/core/netstak] }
components:
  - { name: /core/netstack, on_terminate: reboot }
`, 'x.yaml:4:38 system.reboot_on_terminate.allowlist[0]: unknown moniker "/core/netstak" in the allowlist'],
  ['on_terminate in a realm not authorised for it (F4, build-time check)', `name: x
duration: 1min
system:
  reboot_on_terminate: { allowlist: [/sys/foo] }
components:
  - { name: /sys/foo, on_terminate: reboot }
`, 'x.yaml:6:37 components[0].on_terminate: on_terminate: reboot is a restricted feature and realm "/sys" is not authorised for it (authorised: /core, /core/network; add the realm to system.reboot_on_terminate.authorized_realms)'],
  ['monitor that is not a monitor', `name: x
duration: 1min
components:
  - { name: a }
  - { name: b, monitor: a }
`, 'x.yaml:5:25 components[1].monitor: "a" is a service, not a monitor (kind monitor, component-manager or supervisor)'],
  ['duplicate name', `name: x
duration: 1min
components:
  - { name: a }
  - { name: a }
`, 'x.yaml:5:13 components[1].name: duplicate component "a" (first declared at components[0])'],
  ['expectation about an unknown component', `name: x
duration: 1min
components: [{ name: a }]
expect:
  final_states: { b: running }
`, 'x.yaml:5:19 expect.final_states.b: unknown component "b"'],
  ['operator action without its action (issue 11)', `name: x
duration: 1min
components:
  - { name: a }
faults:
  - { at: 10s, operator: a }
`, 'x.yaml:6:26 faults[0].operator: an operator action needs `action:` (start, stop, restart, reset-failed)'],
  ['operator action systemctl does not have', `name: x
duration: 1min
components:
  - { name: a }
faults:
  - { at: 10s, operator: a, action: reload }
`, 'x.yaml:6:37 faults[0].action: must be one of "start", "stop", "restart", "reset-failed", got "reload"'],
  ['RestartMode=direct before systemd 254', `name: x
duration: 1min
system: { systemd_version: 249 }
components:
  - { name: a, restart: always, restart_mode: direct }
`, 'x.yaml:5:47 components[0].restart_mode: RestartMode= needs systemd 254 or later (system.systemd_version is 249)'],
  ['OnFailure= naming no component', `name: x
duration: 1min
components:
  - { name: a, on_failure: [nope] }
`, 'x.yaml:4:29 components[0].on_failure[0]: no component named "nope"'],
];

describe('bad scenario input gets one line naming file, line, column and field', () => {
  test.each(BAD_INPUTS)('%s', (_what, yaml, message) => {
    let error: unknown;
    try {
      parseScenario(yaml, 'x.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toBe(message);
    expect((error as ScenarioError).message).not.toContain('\n');
  });

  test('a missing file says so without a position', () => {
    expect(() => loadScenarioFile('no/such/file.yaml')).toThrow('no/such/file.yaml: no such file');
  });
});
