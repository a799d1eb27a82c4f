import { describe, expect, test } from 'vitest';
import { BootOutcome } from '../../sim/checks/boot-outcome.js';
import { importConfig } from '../../sim/import/index.js';
import { headerText } from '../../sim/import/summary.js';
import type { ImportFormat } from '../../sim/import/types.js';
import { scenarioYaml } from '../../sim/import/writer.js';
import { parseScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { simulate } from '../../sim/simulate.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import { runCli } from '../cli/in-process.js';
import { decisions } from './golden.js';

/**
 * Every file of the corpus of real configurations (test/fixtures/real/,
 * SOURCES.md), imported alone and as the folder a user would pass, then run:
 * the import does not refuse it (or refuses it with exit 2 and the reason the
 * real system would give), the scenario has the components counted by hand
 * from the files, and its boot completes. Then, for each mapping that changes
 * a verdict, the story of a run that shows it.
 */

const R = 'test/fixtures/real';
const F20 = { includePaths: [`${R}/fuchsia/2020`] };
const F23 = { includePaths: [`${R}/fuchsia/2023`] };

type Case = [ImportFormat, string, number | RegExp, object?];

/**
 * Components counted by hand: a service (Android) or a child with a program (Fuchsia) or a unit (systemd, Redox)
 * that the boot starts. Android: `disabled` services not started by name from a boot trigger, classes no
 * boot action starts (charger) and a second `service zygote` are not counted. Fuchsia: realms with no program
 * (bootstrap.cml, core.cml) are not processes. systemd: units not pulled in by the boot, devices and slices
 * are not counted.
 */
const CASES: Case[] = [
  // aosp-2013: 23 services in init.rc, 14 started at boot; 9 on demand (7 disabled and started by no boot action, console and adbd
  // started on a property trigger, healthd-charger of class charger).
  ['android', 'android/aosp-2013/init.rc', 23],
  ['android', 'android/aosp-2013/init.trace.rc', /no `service` declared \(1 `on` actions only\)/],
  ['android', 'android/aosp-2013/init.usb.rc', /no `service` declared \(10 `on` actions only\)/],
  ['android', 'android/aosp-2013', 23],
  ['android', 'android/aosp-2016/bootstat.rc', /no `service` declared/],
  ['android', 'android/aosp-2016/debuggerd.rc', 1],
  ['android', 'android/aosp-2016/gatekeeperd.rc', 1],
  // ueventd, healthd, flash_recovery, hwservicemanager (disabled, `start hwservicemanager` on boot); console on demand.
  ['android', 'android/aosp-2016/init.rc', 5],
  ['android', 'android/aosp-2016/init.zygote64_32.rc', 2],
  ['android', 'android/aosp-2016/lmkd.rc', 1],
  // logd; logd-reinit on demand (disabled: only the init.rc starts it).
  ['android', 'android/aosp-2016/logd.rc', 2],
  // 5 + debuggerd + gatekeeperd + zygote, zygote_secondary + lmkd + logd, logd-reinit (`start logd-reinit` on load_persist_props_action).
  ['android', 'android/aosp-2016', 12],
  ['android', 'android/aosp-2025/bootstat.rc', /no `service` declared/],
  ['android', 'android/aosp-2025/gatekeeperd.rc', 1],
  // ueventd at boot; on demand: console (a property trigger starts it), the 4 boringssl self tests (class default: no boot action starts it).
  ['android', 'android/aosp-2025/init.rc', 6],
  ['android', 'android/aosp-2025/init.usb.rc', 1],
  ['android', 'android/aosp-2025/init.zygote64.rc', 1],
  ['android', 'android/aosp-2025/init.zygote64_32.rc', 1],
  ['android', 'android/aosp-2025/llkd.rc', 1],
  ['android', 'android/aosp-2025/snapuserd.rc', 2],
  ['android', 'android/aosp-2025/storaged.rc', 1],
  ['android', 'android/aosp-2025/tombstoned.rc', 1],
  ['android', 'android/aosp-2025/usbd.rc', 1],
  // At boot: gatekeeperd, ueventd, zygote (the second `service zygote` ignored), zygote_secondary, storaged, tombstoned, usbd;
  // on demand: console, 4 boringssl self tests, adbd, llkd-0, snapuserd, snapuserd_proxy: 16.
  ['android', 'android/aosp-2025', 16],
  ['fuchsia', 'fuchsia/2020/bootstrap.cml', 5, F20],
  ['fuchsia', 'fuchsia/2020/core.cml', 4, F20],
  ['fuchsia', 'fuchsia/2020/fshost.cml', 1, F20],
  ['fuchsia', 'fuchsia/2020/root.cml', 2, F20],
  // root -> bootstrap (realm: 5 children, fshost with its manifest) and core (realm: 4 children).
  ['fuchsia', 'fuchsia/2020', 9, F20],
  // netcfg + the 6 children of the common shard (its test collection is dynamic: none).
  ['fuchsia', 'fuchsia/2023/network-basic.cml', 7, F23],
  ['fuchsia', 'fuchsia/2023/root.cml', 4, F23],
  ['fuchsia', 'fuchsia/2023', 4, F23],
  ['fuchsia', 'fuchsia/2023/src/connectivity/network/meta/common.shard.cml', /an include shard is not a manifest of its own/, F23],
  ...['00_base', '00_drivers', '10_net', '20_orbital', '30_console'].flatMap((f): Case[] => [
    ['redox', `redox/2024-scripts/init.d/${f}`, 1],
    ['redox', `redox/2026-02-scripts/init.d/${f}`, 1],
  ]),
  ['redox', 'redox/2024-scripts/init.d', 5],
  ['redox', 'redox/2026-02-scripts/init.d', 5],
  ...['10_dbus', '10_dhcpd.service', '10_xenv', '20_orbital', '30_console', '30_redoxer'].map((f): Case => ['redox', `redox/2026-units/init.d/${f}`, 1]),
  ['redox', 'redox/2026-units/init.d', 6],
  ['systemd', 'systemd/docker-2016/docker.service', 1],
  ['systemd', 'systemd/docker-2016/docker.socket', 1],
  ['systemd', 'systemd/docker-2016', 2],
  ['systemd', 'systemd/docker-2026/containerd.service', 1],
  ['systemd', 'systemd/docker-2026/docker.service', 1],
  ['systemd', 'systemd/docker-2026/docker.socket', 1],
  ['systemd', 'systemd/docker-2026', 3],
  ...['basic.target', 'getty.target', 'local-fs-pre.target', 'local-fs.target', 'multi-user.target', 'paths.target', 'slices.target', 'sockets.target',
    'swap.target', 'sysinit.target', 'systemd-journald.socket', 'systemd-tmpfiles-clean.timer', 'systemd-udevd-control.socket',
    'systemd-udevd-kernel.socket', 'timers.target', 'tmp.mount'].map((f): Case => ['systemd', `systemd/rhel7-units/${f}`, 1]),
  ...['getty@.service.m4', 'systemd-journald.service.in', 'systemd-logind.service.in', 'systemd-udevd.service.in'].map((f): Case =>
    ['systemd', `systemd/rhel7-units/${f}`, /a build template, not a unit file/]),
  // multi-user.target (no default.target) -> basic.target -> sysinit, sockets, timers, paths, slices, local-fs, swap: 9 started at boot;
  // getty.target, local-fs-pre.target, the journald and udevd sockets, the tmpfiles timer and tmp.mount: 7 on demand (`start: on-demand`);
  // the 4 .in/.m4 services are build templates.
  ['systemd', 'systemd/rhel7-units', 16],
  ['systemd-show', 'systemd-show/network-swap-paths-sockets.targets.txt', 4],
  ['systemd-show', 'systemd-show/openstack-cinder-volume.service.txt', 1],
  ['systemd-show', 'systemd-show/postfix-postgresql-tuned.services.txt', 3],
];

function load(format: ImportFormat, paths: string[], options: object = {}, faults: object[] = [], duration = '10min') {
  const result = importConfig(format, paths, { duration, ...options });
  result.scenario.faults = faults as never;
  const scenario: Scenario = parseScenario(scenarioYaml(result, headerText(result, paths)), `${format}-real.yaml`);
  return { result, scenario };
}

function runWithBoot(scenario: Scenario): { records: TraceRecord[]; incomplete: string | undefined } {
  const boot = new BootOutcome();
  const trace = simulate(scenario, { sinks: [boot.sink] });
  return { records: trace.records, incomplete: boot.incomplete(trace) };
}

describe('every corpus file and folder imports and boots (test/fixtures/real/SOURCES.md)', () => {
  test.each(CASES)('%s %s', (format, path, expected, options) => {
    const paths = [`${R}/${path}`];
    if (expected instanceof RegExp) {
      // Refused with exit 2's message (a UsageError), never an internal error.
      expect(() => importConfig(format, paths, { duration: '10min', ...options })).toThrow(expected);
      return;
    }
    const { scenario } = load(format, paths, options);
    expect(scenario.components).toHaveLength(expected);
    const { records, incomplete } = runWithBoot(scenario);
    expect(incomplete).toBeUndefined();
    expect(records.some((r) => r.type === 'boot-completed' && r.boot === 1)).toBe(true);
    expect(records.filter((r) => r.type === 'violation')).toEqual([]);
  });

  test('the CLI: a folder per format exits 0 and runs to a completed boot; a refusal exits 2 with one line', async () => {
    // The CLI's main in this process: the exit status is what a process would exit with (test/cli/run.test.ts spawns one).
    const recsim = async (...args: string[]) => runCli(args).then((r) => ({ status: r.code, stdout: r.stdout, stderr: r.stderr }));
    const out = `${process.env.TMPDIR ?? '/tmp'}/recsim-real-corpus-${process.pid}.yaml`;
    for (const [format, path] of [['android', 'android/aosp-2016'], ['redox', 'redox/2026-units/init.d'], ['systemd', 'systemd/rhel7-units'], ['systemd-show', 'systemd-show/postfix-postgresql-tuned.services.txt']]) {
      const imported = await recsim('import', format!, `${R}/${path}`, '--out', out);
      expect(imported.status).toBe(0);
      const ran = await recsim('run', out);
      expect(ran.stdout).toMatch(/boot 1 completed/);
      expect(ran.stdout).toMatch(/Result: PASS/);
      expect(ran.status).toBe(0);
    }
    const refused = await recsim('import', 'systemd', `${R}/systemd/rhel7-units/systemd-journald.service.in`);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('mappings that change the verdict, each told by a run of a real file', () => {
  test('Android critical counts failed exits only (service.cpp Reap(): was_last_exit_ok_): five clean exits of lmkd do not reboot, five crashes do', () => {
    const at = [30, 40, 50, 60, 70];
    const clean = load('android', [`${R}/android/aosp-2016/lmkd.rc`], {}, at.map((s) => ({ at: `${s}s`, exit: 'lmkd', exit_code: 0 })), '3min');
    const cleanRun = runWithBoot(clean.scenario).records;
    expect(cleanRun.some((r) => r.type === 'panic')).toBe(false);
    expect(cleanRun.filter((r) => r.type === 'restart' && r.component === 'lmkd')).toHaveLength(5);
    const crashes = load('android', [`${R}/android/aosp-2016/lmkd.rc`], {}, at.map((s) => ({ at: `${s}s`, crash: 'lmkd' })), '3min');
    const crashRun = runWithBoot(crashes.scenario).records;
    expect(crashRun.some((r) => r.type === 'panic' && r.target === 'bootloader')).toBe(true);
    expect(decisions(crashRun, 'lmkd').find((d) => d.action === 'reboot')!.source).toBe(`${R}/android/aosp-2016/lmkd.rc:4`);
  });

  test('Android critical window=${zygote.critical_window.minute:-off}: the default "off" leaves zygote not critical, so its crashes restart it', () => {
    const { result, scenario } = load('android', [`${R}/android/aosp-2025/init.zygote64.rc`], {}, [30, 40, 50, 60, 70].map((s) => ({ at: `${s}s`, crash: 'zygote' })), '3min');
    expect(result.scenario.components[0]!.critical).toBeUndefined();
    const records = runWithBoot(scenario).records;
    expect(records.some((r) => r.type === 'panic')).toBe(false);
    expect(records.filter((r) => r.type === 'restart' && r.component === 'zygote')).toHaveLength(5);
  });

  test('Android `start logd-reinit` in a boot action starts a disabled oneshot service; `restart --only-if-running X` names X', () => {
    const { result } = load('android', [`${R}/android/aosp-2016`]);
    const reinit = result.scenario.components.find((c) => c.name === 'logd-reinit')!;
    expect(reinit.restart).toBe('never');
    expect((reinit.source!.fields as Record<string, string>).start).toBe(`${R}/android/aosp-2016/init.rc:255 (start logd-reinit)`);
    const zygote = load('android', [`${R}/android/aosp-2025/init.zygote64.rc`]).result;
    expect(zygote.warnings.map((w) => w.why)).toContain('media.tuner is not declared in the inputs: nothing to restart');
  });

  test('systemd: docker StartLimitBurst=3 in StartLimitIntervalSec=60: the fourth start in a minute is refused and docker stays failed', () => {
    const crashes = [20, 25, 30, 35].map((s) => ({ at: `${s}s`, crash: 'docker.service' }));
    const { scenario } = load('systemd', [`${R}/systemd/docker-2026`], {}, crashes, '2min');
    const records = runWithBoot(scenario).records;
    const last = decisions(records, 'docker.service').at(-1)!;
    expect(last.action).toMatch(/give-up/);
    expect(last.source).toBe(`${R}/systemd/docker-2026/docker.service:7`);
    // Teeth: the 2016 unit has no StartLimitBurst=: systemd's default 5 in 10 s lets the same crashes (5 s apart) restart.
    const old = load('systemd', [`${R}/systemd/docker-2016/docker.service`], {}, crashes, '2min');
    expect(decisions(runWithBoot(old.scenario).records, 'docker.service').some((d) => /give-up/.test(d.action))).toBe(false);
  });

  test('systemctl show from systemd < 230: StartLimitInterval=10000000 is 10 s in microseconds, not 116 days', () => {
    const { result } = load('systemd-show', [`${R}/systemd-show/openstack-cinder-volume.service.txt`]);
    expect(result.scenario.components[0]!.start_limit).toEqual({ burst: 5, interval: '10s' });
  });

  test('Fuchsia: realms with no program are not processes; __stop_timeout_ms of fshost\'s environment is its stop timeout', () => {
    const { result } = load('fuchsia', [`${R}/fuchsia/2020`]);
    const names = result.scenario.components.map((c) => c.name);
    expect(names).not.toContain('/core');
    expect(names).not.toContain('/bootstrap');
    const fshost = result.scenario.components.find((c) => c.name === '/bootstrap/fshost')!;
    expect(fshost.stop_timeout).toBe('20min'); // 1200000 ms, "20 minutes" says the manifest
    expect((fshost.source!.fields as Record<string, string>).stop_timeout).toBe(`${R}/fuchsia/2020/bootstrap.cml:305`);
  });

  test('Fuchsia: the policy\'s reboot_on_terminate allowlist is kept to the imported monikers; netstack outside it fails to start and the boot never completes, which run says', () => {
    const withRoot = load('fuchsia', [`${R}/fuchsia/2023/root.cml`, `${R}/fuchsia/2023/component_manager_policy.json5`]).result;
    expect(withRoot.scenario.system!.reboot_on_terminate!.allowlist).toEqual(['/core']);
    expect(withRoot.warnings.some((w) => /12 of 13/.test(w.directive))).toBe(true);
    // network-basic.cml imported alone puts netstack at /netstack, which the product's policy does not list.
    const { scenario } = load('fuchsia', [`${R}/fuchsia/2023/network-basic.cml`, `${R}/fuchsia/2023/component_manager_policy.json5`], F23);
    const { incomplete } = runWithBoot(scenario);
    expect(incomplete).toMatch(/^boot 1 never completed: .*\/netstack failed to start: policy/);
  });

  test('Redox: references with NN_ prefixes and unit types resolve (20_orbital requires_weak 10_dbus 10_xenv)', () => {
    const { result } = load('redox', [`${R}/redox/2026-units/init.d`]);
    expect(result.scenario.components.find((c) => c.name === 'orbital')!.depends).toEqual(['dbus', 'xenv']);
    // The legacy scripts name no dependency: init runs them one after another (run.d, file-name order).
    const legacy = load('redox', [`${R}/redox/2024-scripts/init.d`]).result;
    expect(legacy.scenario.components.map((c) => [c.name, c.depends ?? []])).toEqual([['base', []], ['drivers', ['base']], ['net', ['drivers']], ['orbital', ['net']], ['console', ['orbital']]]);
  });
});
