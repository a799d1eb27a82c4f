import { describe, expect, test } from 'vitest';
import { ScenarioError } from '../../sim/format/errors.js';
import { loadScenarioFile, parseScenario } from '../../sim/scenario/load.js';

/**
 * Bad input about the RFC features gets one line naming file, line, column
 * and field, before any run starts (issue 3, "Done when").
 */

function errorOf(load: () => unknown): ScenarioError {
  try {
    load();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('the scenario was accepted');
}

const BAD_INPUTS: [string, string, string][] = [
  ['an unknown moniker in the allowlist (F4)', `name: x
duration: 1min
system:
  reboot_on_terminate:
    allowlist: [/core/network/netstack, /core/wlan_stack]
components:
  - { name: /bootstrap/power_manager, kind: power-manager }
  - { name: /core/network/netstack, on_terminate: reboot }
  - { name: /core/wlanstack, on_terminate: reboot }
`, 'x.yaml:5:41 system.reboot_on_terminate.allowlist[1]: unknown moniker "/core/wlan_stack" in the allowlist'],
  ['an allowlist pattern that matches no component (F4)', `name: x
duration: 1min
system:
  reboot_on_terminate: { allowlist: [/core/netwrok/*] }
components:
  - { name: /core/network/netstack, on_terminate: reboot }
`, 'x.yaml:4:38 system.reboot_on_terminate.allowlist[0]: allowlist pattern "/core/netwrok/*" matches no component'],
  ['on_terminate: reboot on a component of a realm not authorised for it (F4, the build-time check)', `name: x
duration: 1min
system:
  reboot_on_terminate: { allowlist: [/bootstrap/fshost] }
components:
  - { name: /bootstrap/power_manager, kind: power-manager }
  - { name: /bootstrap/fshost, kind: driver, on_terminate: reboot }
`, 'x.yaml:7:60 components[1].on_terminate: on_terminate: reboot is a restricted feature and realm "/bootstrap" is not authorised for it (authorised: /core, /core/network; add the realm to system.reboot_on_terminate.authorized_realms)'],
  ['a static component depending on a collection member, which does not exist when the topology is built (F2, F3)', `name: x
duration: 1min
components:
  - { name: /core/session }
  - name: /core/session/agent
    collection: { parent: /core/session, durability: transient }
  - { name: /core/network/netstack, depends: [/core/session/agent] }
`, 'x.yaml:7:47 components[2].depends[0]: "/core/session/agent" is a dynamic child in a collection of "/core/session"; a dependency on it cannot exist outside that collection'],
  ['a collection member depending on a member of another collection', `name: x
duration: 1min
components:
  - { name: /core/session }
  - { name: /core/update }
  - name: /core/session/agent
    collection: { parent: /core/session, durability: transient }
  - name: /core/update/checker
    collection: { parent: /core/update, durability: single-run }
    depends: [/core/session/agent]
`, 'x.yaml:10:15 components[3].depends[0]: "/core/session/agent" is a dynamic child in a collection of "/core/session"; a dependency on it cannot exist outside that collection'],
];

describe('bad RFC-feature input gets one line with its position', () => {
  test.each(BAD_INPUTS)('%s', (_what, yaml, message) => {
    const error = errorOf(() => parseScenario(yaml, 'x.yaml'));
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  test('F12: the RFC\'s component_manager/power_manager inversion written as depends is rejected, the cycle named', () => {
    const file = 'test/fixtures/rfc/f12-dependency-cycle.yaml';
    const error = errorOf(() => loadScenarioFile(file));
    expect(error.message).toBe(
      `${file}:10:98 components[0].depends: dependency cycle: /bootstrap/power_manager -> /bootstrap/driver_manager -> /component_manager -> /bootstrap/power_manager`,
    );
    expect(error.message).not.toContain('\n');
  });

  // The parent is also an implicit dependency; the error must still point at what the user wrote.
  test('an unknown collection parent is reported at collection.parent', () => {
    const error = errorOf(() => parseScenario(`name: x
duration: 1min
components:
  - name: /core/session/agent
    collection: { parent: /core/sesion, durability: transient }
`, 'x.yaml'));
    expect(error.message).toBe('x.yaml:5:27 components[0].collection.parent: unknown component "/core/sesion"');
  });
});
