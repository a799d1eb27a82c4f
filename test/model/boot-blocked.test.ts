import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

/** R4 at boot: a start blocked by a dependency that will not run for now is recorded, naming it. */
describe('a boot that cannot complete says why', () => {
  test('a dependency refused by the allowlist at start (F4) blocks its dependents, and the refusal travels down', () => {
    const trace = runYaml(`
name: allowlist blocks the stack
duration: 10s
system:
  reboot_on_terminate: { allowlist: [/core/wlanstack] }
components:
  - { name: /core/network/netstack, on_terminate: reboot }
  - { name: /core/wlanstack, depends: [/core/network/netstack] }
  - { name: /core/wlan-ui, depends: [/core/wlanstack] }
`);
    expect(story(trace, ['start-failed', 'start-refused', 'boot-completed'])).toEqual([
      '0.000s start-failed /core/network/netstack',
      '0.000s start-refused /core/wlanstack /core/network/netstack',
      '0.000s start-refused /core/wlan-ui /core/wlanstack',
    ]);
  });

  test('a dependency that fails at boot and is restarted: its dependent is refused once, then starts, and the boot completes', () => {
    const trace = runYaml(`
name: recovered at boot
duration: 10s
components:
  - { name: ahcid, kind: driver, restart: { when: on-failure, delay: 500ms } }
  - { name: redoxfs, depends: [ahcid] }
faults:
  - { at: 0s, fail_start: ahcid }
`);
    expect(story(trace, ['start-failed', 'start-refused', 'restart', 'boot-completed'])).toEqual([
      '0.100s start-failed ahcid',
      '0.100s start-refused redoxfs ahcid',
      '0.600s restart ahcid',
      '0.800s boot-completed',
    ]);
  });

  test('a dependent declared before its dependency waits at boot without a refusal', () => {
    const trace = runYaml(`
name: declared out of order
duration: 10s
components:
  - { name: redoxfs, depends: [ahcid] }
  - { name: ahcid, kind: driver }
`);
    expect(story(trace, ['start-refused', 'boot-completed'])).toEqual(['0.200s boot-completed']);
  });
});
