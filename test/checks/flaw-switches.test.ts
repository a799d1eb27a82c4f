import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/simulate.js';
import { INVARIANTS } from '../../sim/checks/invariants/index.js';
import { scenarioOf } from '../helpers/trace-builder.js';

/** The invariants a tiny scenario breaks when run through the whole model. */
function violated(yaml: string): string[] {
  return [...new Set(simulate(scenarioOf(yaml)).summary.violations.map((v) => v.invariant))].sort();
}

const FS_AND_WRITER = `
components:
  - { name: /bootstrap/power_manager, kind: power-manager, main_process_critical: true }
  - { name: /bootstrap/minfs, kind: driver, dirty_data: { write_rate: 1MB/s, flush_every: 5s } }
  - { name: /core/logger, depends: [/bootstrap/minfs] }
faults:
  - { at: 10s, shutdown: user-request }
`;

describe('the catalogue catches the model flaw switches end to end', () => {
  it('a shutdown that stops the filesystem with its writer (simultaneous) breaks shutdown-stops-dependents-first', () => {
    expect(violated(`name: t\nduration: 1min\nsystem: { shutdown_order: simultaneous }\n${FS_AND_WRITER}`)).toEqual(['shutdown-stops-dependents-first']);
    expect(violated(`name: t\nduration: 1min\n${FS_AND_WRITER}`)).toEqual([]);
  });

  const twoCritical = (check: boolean): string => `
name: t
duration: 2min
system:
  check_shutdown_before_reboot: ${check}
  reboot_on_terminate: { enabled: true, allowlist: [/core/network/netstack, /core/wlanstack] }
components:
  - { name: /bootstrap/power_manager, kind: power-manager, main_process_critical: true }
  - { name: /core/network/netstack, on_terminate: reboot }
  - { name: /core/wlanstack, on_terminate: reboot }
faults:
  - { at: 10s, crash: /core/network/netstack }
  - { at: 11s, crash: /core/wlanstack }
`;
  it('a component manager that does not check for a reboot under way breaks one-reboot-in-flight', () => {
    expect(violated(twoCritical(false))).toContain('one-reboot-in-flight');
    expect(violated(twoCritical(true))).toEqual([]);
  });

  const loop = (restart: string): string => `
name: t
duration: 1min
components:
  - { name: flaky, restart: ${restart} }
faults:
  - { when: { record: state, component: flaky }, crash: flaky, times: 1000 }
`;
  it('a restart policy with no backoff and no limit, under a crash at every start, breaks no-restart-livelock', () => {
    const broken = violated(loop('{ when: always, delay: 0s }'));
    expect(broken).toContain('no-restart-livelock');
    // Only policy invariants (the registry says which): the model itself stays sound.
    expect(broken.filter((id) => INVARIANTS.find((i) => i.id === id)?.kind !== 'policy')).toEqual([]);
    expect(violated(loop('{ when: always, delay: 100ms }'))).toEqual([]);
    expect(violated(loop('{ when: always, delay: 0s, max_restarts: 5 }'))).toEqual([]);
  });

  const supervised = (mode: string): string => `
name: t
duration: 1min
components:
  - { name: /bootstrap/power_manager, kind: power-manager, main_process_critical: true }
  - { name: /core/sup, kind: supervisor, supervises: [/core/netstack], on_receive: ${mode}, restart: { when: on-failure, delay: 2s } }
  - { name: /core/netstack }
faults:
  - { at: 10s, crash: /core/sup }
  - { at: 11s, crash: /core/netstack }
`;
  it('a supervisor with dispatch_if_started breaks no-event-lost; on_receive: start does not', () => {
    expect(violated(supervised('dispatch_if_started'))).toContain('no-event-lost');
    expect(violated(supervised('start'))).not.toContain('no-event-lost');
  });
});
