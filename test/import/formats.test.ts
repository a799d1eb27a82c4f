import { describe, expect, test } from 'vitest';
import { expandProps, tokenizeRc } from '../../sim/import/android/parse.js';
import { decisions, golden, importFixture, run } from './golden.js';

const ANDROID = 'test/fixtures/import/android';
const REDOX = 'test/fixtures/import/redox';
const FUCHSIA = 'test/fixtures/import/fuchsia';
const CML = ['root', 'bootstrap', 'core', 'network', 'wlanstack', 'power_manager'].map((n) => `${FUCHSIA}/${n}.cml`);

describe('recsim import android (AOSP system/core/init/README.md)', () => {
  const { result, yaml } = importFixture('android', [`${ANDROID}/init.rc`]);

  test('tokens as init/tokenizer.cpp: quotes keep spaces and run across lines, backslash escapes, a trailing backslash folds lines', () => {
    const tokens = (text: string) => tokenizeRc(text, 'f').map((l) => [l.line, ...l.tokens]);
    expect(tokens('service netd "/system/bin/netd" --flag "two words" a\\ b')).toEqual([[1, 'service', 'netd', '/system/bin/netd', '--flag', 'two words', 'a b']]);
    // A quoted string runs across lines; the next line is counted from where the quote closed.
    expect(tokens('setprop a "x\ny"\nstart b')).toEqual([[1, 'setprop', 'a', 'x\ny'], [3, 'start', 'b']]);
    // `#` starts a comment only where a token starts; an unterminated quote ends the file (T_EOF).
    expect(tokens('write /p a#b # c\nstart "x')).toEqual([[1, 'write', '/p', 'a#b'], [2, 'start', 'x']]);
    expect(tokens('service s /bin/s \\\n    --flag')).toEqual([[1, 'service', 's', '/bin/s', '--flag']]);
  });

  test('${prop:-default} expands to the default; a property with no default to nothing (init/util.cpp ExpandProps())', () => {
    const unknown: string[] = [];
    expect(expandProps('${zygote.critical_window.minute:-off}', (p) => unknown.push(p))).toBe('off');
    expect(expandProps('${ro.x}/$ro.y', (p) => unknown.push(p))).toBe('/');
    expect(unknown).toEqual(['ro.x', 'ro.y']);
  });

  test('the golden import of the trimmed init.rc', () => {
    expect(yaml).toBe(golden(`${ANDROID}/expected.yaml`, yaml));
  });

  test('critical window=, restart_period, oneshot, onrestart restart, reboot_on_failure, disabled', () => {
    const byName = Object.fromEntries(result.scenario.components.map((c) => [c.name, c]));
    expect(byName.servicemanager!.critical_action).toEqual({ kind: 'android-init', max_exits: 4, window: '4min', target: 'bootloader' });
    expect(byName.netd!.critical_action).toEqual({ kind: 'android-init', max_exits: 4, window: '10min', target: 'bootloader' });
    expect(byName.surfaceflinger!.backoff).toEqual({ kind: 'restart-period', period: '10s' });
    expect(byName.surfaceflinger!.part_of).toEqual(['servicemanager']);
    expect(byName.bootanim!.restart).toBe('never');
    expect(byName.vold!.critical_action).toBe('reboot-on-failure');
    // disabled, and no boot action starts it: present, stopped until something starts it.
    expect(byName.dumpstate!.start).toBe('on-demand');
  });

  test('a critical service crashing five times in four minutes reboots into the bootloader; the decision cites `critical`', () => {
    const faults = [30, 40, 50, 60, 70].map((s) => ({ at: `${s}s`, crash: 'servicemanager' }));
    const { scenario } = importFixture('android', [`${ANDROID}/init.rc`], faults, '3min');
    const records = run(scenario);
    const reboot = decisions(records, 'servicemanager').find((d) => d.action === 'reboot')!;
    expect(reboot.source).toBe(`${ANDROID}/init.rc:11`);
    expect(records.some((r) => r.type === 'panic' && r.target === 'bootloader')).toBe(true);
    // The device stays in the bootloader: no second boot.
    expect(records.some((r) => r.type === 'power' && r.to === 'halted')).toBe(true);
    expect(records.some((r) => r.type === 'boot-started' && r.boot === 2)).toBe(false);
    // onrestart restart surfaceflinger: surfaceflinger restarts with servicemanager.
    expect(records.some((r) => r.type === 'restart' && r.component === 'surfaceflinger')).toBe(true);
  });

  test('teeth: the same crashes with window=1 (minute) do not reboot', () => {
    const faults = [30, 50, 70, 90, 110].map((s) => ({ at: `${s}s`, crash: 'servicemanager' }));
    const { scenario } = importFixture('android', [`${ANDROID}/init.rc`], faults, '3min');
    scenario.components.find((c) => c.name === 'servicemanager')!.policy.criticalAction = { kind: 'android-init', maxExits: 4, windowUs: 60e6, target: 'bootloader' };
    expect(run(scenario).some((r) => r.type === 'panic')).toBe(false);
  });

  test('an option before any section is refused with file:line', () => {
    expect(() => importFixture('android', [`${ANDROID}/bad.rc`])).toThrow(/bad\.rc:1:1 class: an option or command before any `service` or `on` section/);
  });
});

describe('recsim import redox', () => {
  test('the RFC registry: restart_behavior, depends, init_after, under a service monitor (R2, R4)', () => {
    const { result, yaml, scenario } = importFixture('redox', [`${REDOX}/registry.toml`], [{ at: '30s', crash: 'ahcid' }]);
    expect(yaml).toBe(golden(`${REDOX}/expected-registry.yaml`, yaml));
    const byName = Object.fromEntries(result.scenario.components.map((c) => [c.name, c]));
    expect(byName.ahcid!.restart).toEqual({ when: 'recovery', delay: '500ms' });
    expect(byName.redoxfs!.depends).toEqual(['ahcid']);
    expect(result.warnings.map((w) => `${w.at} ${w.directive}`)).toContain(`${REDOX}/registry.toml:22 depends netd`);
    const records = run(scenario);
    expect(decisions(records, 'ahcid')[0]).toMatchObject({ action: 'restart', delayUs: 500_000, source: `${REDOX}/registry.toml:5` });
    // R4: redoxfs stops with ahcid and comes back with it.
    expect(records.some((r) => r.type === 'stop-requested' && r.component === 'redoxfs')).toBe(true);
  });

  test('init.d units: requires, requires_weak, cmd, type', () => {
    const { result } = importFixture('redox', [`${REDOX}/init.d/00_ipcd.toml`, `${REDOX}/init.d/10_ptyd.toml`, `${REDOX}/init.d/20_dhcpd.toml`]);
    expect(result.scenario.components.map((c) => [c.name, c.depends ?? []])).toEqual([['ipcd', []], ['ptyd', ['ipcd']], ['dhcpd', ['ptyd']]]);
    expect(result.warnings.map((w) => w.directive)).toEqual(['type = "oneshot"', 'requires_weak ptyd']);
  });

  test('malformed TOML is refused with file:line:col', () => {
    expect(() => importFixture('redox', [`${REDOX}/bad.toml`])).toThrow(/bad\.toml:2:\d+ invalid TOML/);
  });
});

describe('recsim import fuchsia (component_manager shutdown rules, F8)', () => {
  const inputs = [...CML, `${FUCHSIA}/component_manager.json5`];

  test('strong offers, storage and runners order shutdown; weak offers and weak uses do not; children before parents', () => {
    const { result, yaml } = importFixture('fuchsia', inputs);
    expect(yaml).toBe(golden(`${FUCHSIA}/expected.yaml`, yaml));
    const deps = Object.fromEntries(result.scenario.components.map((c) => [c.name, c.depends ?? []]));
    // Realms with no program (core.cml, bootstrap.cml, network.cml here) run no process: not components; what the
    // realm waits for (root.cml offers from #bootstrap to #core), every component in it waits for.
    for (const realm of ['/core', '/bootstrap', '/core/network']) expect(deps[realm]).toBeUndefined();
    const bootstrap = ['/bootstrap/power_manager', '/bootstrap/fshost', '/bootstrap/elf_runner2'];
    expect(deps['/core/wlanstack']).toEqual([...bootstrap, '/core/network/netstack']); // not diagnostics: weak use
    expect(deps['/core/diagnostics']).toEqual(bootstrap); // weak offer from network
    expect(deps['/core/scenic']).toEqual([...bootstrap, '/core/network/netstack', '/core/gfx_runner']); // storage, runner
    expect(deps['/bootstrap/fshost']).toEqual([]); // weak offer from power_manager
    expect(result.scenario.system!.reboot_on_terminate).toEqual({ enabled: true, allowlist: ['/core/network/netstack'], authorized_realms: ['/core/network'] });
  });

  test('netstack (on_terminate: reboot, allowlisted) crashes: a graceful reboot in component_manager\'s order', () => {
    const { scenario } = importFixture('fuchsia', inputs, [{ at: '30s', crash: '/core/network/netstack' }]);
    const records = run(scenario);
    const stopped = records.filter((r) => r.type === 'terminated' && r.t > 30e6 && r.t < 31e6).map((r) => r.component);
    expect(stopped.indexOf('/core/wlanstack')).toBeGreaterThanOrEqual(0);
    expect(stopped.indexOf('/core/wlanstack')).toBeLessThan(stopped.indexOf('/bootstrap/fshost'));
    expect(stopped.indexOf('/core/scenic')).toBeLessThan(stopped.indexOf('/core/gfx_runner')); // its runner outlives it
    expect(stopped.at(-1)).toBe('/bootstrap/power_manager');
    expect(decisions(records, '/core/network/netstack')[0]).toMatchObject({ action: 'reboot', source: `${FUCHSIA}/network.cml:3` });
    expect(records.filter((r) => r.type === 'violation')).toEqual([]);
  });

  test('teeth: with reboot_on_terminate_enabled: false (F5) the same crash reboots nothing', () => {
    const { scenario } = importFixture('fuchsia', inputs, [{ at: '30s', crash: '/core/network/netstack' }]);
    scenario.system.rebootOnTerminate.enabled = false;
    expect(run(scenario).some((r) => r.type === 'shutdown-started')).toBe(false);
  });

  test('malformed JSON5 is refused with file:line:col', () => {
    expect(() => importFixture('fuchsia', [`${FUCHSIA}/bad.cml`])).toThrow(/bad\.cml:3:\d+ invalid JSON5/);
  });
});
