import { describe, expect, test } from 'vitest';
import { golden, importFixture } from './golden.js';

/**
 * The imported fixtures as bundled scenarios (scenarios/imported/): each is
 * exactly what `recsim import` writes for the fixture, with faults, followed
 * by an `expect:` block that pins what the source system does. This test
 * keeps the files equal to a fresh import followed by the expect block below
 * (RECSIM_UPDATE_GOLDEN=1 rewrites them); test/scenarios.test.ts runs
 * them and checks their expectations like every bundled scenario.
 */

const S = 'test/fixtures/import/systemd/units';
const A = 'test/fixtures/import/android/init.rc';
const R = 'test/fixtures/import/redox/registry.toml';
const F = 'test/fixtures/import/fuchsia';
const CML = ['root', 'bootstrap', 'core', 'network', 'wlanstack', 'power_manager'].map((n) => `${F}/${n}.cml`);

export const BUNDLED = [
  {
    file: 'scenarios/imported/systemd-start-limit-reboots.yaml',
    format: 'systemd' as const,
    paths: [S],
    faults: [30, 40, 42].map((s) => ({ at: `${s}s`, crash: 'app.service' })),
    expect: `expect:
  # systemd.service(5): Restart=on-failure restarts after RestartSec= (1s, from the drop-in 20-faster.conf);
  # systemd.unit(5): more than StartLimitBurst=3 starts in StartLimitIntervalSec=1min fails the unit,
  # and StartLimitAction=reboot reboots: the boot start, 31 s and 41 s are three; the fourth, the restart
  # job RestartSec= after the crash at 42 s, is refused when it runs, at 43 s (unit_test_start_limit(),
  # called by the start job; the refused job is restart 3). Each decision cites the unit file line it rests on.
  restarts: { app.service: 3 }
  reboots: { graceful: 1, ungraceful: 0 }
  records:
    - { type: decision, component: app.service, action: restart, source: "${S}/app.service:16, ${S}/app.service.d/20-faster.conf:3" }
    - { type: restart, component: app.service, attempt: 1 }
    - { type: decision, component: app.service, action: give-up+reboot, source: "${S}/app.service:11", t: 43000000 }
    - { type: shutdown-started }
    - { type: boot-completed, boot: 2 }
  violations: none
`,
  },
  {
    file: 'scenarios/imported/android-critical-reboots.yaml',
    format: 'android' as const,
    paths: [A],
    faults: [30, 40, 50, 60, 70].map((s) => ({ at: `${s}s`, crash: 'servicemanager' })),
    expect: `expect:
  # AOSP init README: "critical: ... If it exits more than four times in four minutes or before boot
  # completes, the device will reboot into bootloader" (reboot_utils.cpp InitFatalReboot: RESTART2
  # "bootloader"; the device stays there, no boot follows);
  # \`onrestart restart surfaceflinger\`: surfaceflinger restarts with servicemanager.
  reboots: { graceful: 0, ungraceful: 1 }
  records:
    - { type: restart, component: surfaceflinger }
    - { type: decision, component: servicemanager, action: reboot, source: "${A}:11" }
    - { type: panic, target: bootloader }
    - { type: power, to: halted }
  absent:
    - { type: boot-started, boot: 2 }
  violations: none
`,
  },
  {
    file: 'scenarios/imported/redox-driver-crash.yaml',
    format: 'redox' as const,
    paths: [R],
    faults: [{ at: '30s', crash: 'ahcid' }],
    expect: `expect:
  # Redox RFC R2: restart_behavior recovery(500) restarts ahcid 500 ms after its failure;
  # R4: redoxfs (depends on ahcid) and what depends on it stop with it and come back with it.
  records:
    - { type: decision, component: ahcid, action: restart, source: "${R}:5" }
    - { type: stop-requested, component: redoxfs }
    - { type: restart, component: ahcid, attempt: 1 }
    - { type: restart, component: redoxfs }
  final_states: { ahcid: running, redoxfs: running, audiod: running, editor: running }
  violations: none
`,
  },
  {
    file: 'scenarios/imported/fuchsia-netstack-reboots.yaml',
    format: 'fuchsia' as const,
    paths: [...CML, `${F}/component_manager.json5`],
    faults: [{ at: '30s', crash: '/core/network/netstack' }],
    expect: `expect:
  # RFC-0110: netstack has on_terminate: reboot and is on the allowlist: its crash reboots gracefully;
  # component_manager's shutdown order (F8): scenic before its runner gfx_runner, all of /core before
  # /bootstrap (core is offered fshost's protocol by bootstrap), power manager last. The realms /core and
  # /core/network have no program: no process of theirs terminates.
  reboots: { graceful: 1, ungraceful: 0 }
  records:
    - { type: decision, component: /core/network/netstack, by: component_manager, action: reboot, source: "${F}/network.cml:3" }
    - { type: terminated, component: /core/scenic }
    - { type: terminated, component: /core/gfx_runner }
    - { type: terminated, component: /bootstrap/fshost }
    - { type: terminated, component: /bootstrap/power_manager }
    - { type: boot-completed, boot: 2 }
  violations: none
`,
  },
];

describe('scenarios/imported/ are fresh imports of the fixtures, with their expectations', () => {
  test.each(BUNDLED)('$file', ({ file, format, paths, faults, expect: expectBlock }) => {
    const { yaml } = importFixture(format, paths, faults, '3min');
    const text = `${yaml}${expectBlock}`;
    expect(text).toBe(golden(file, text));
  });
});
