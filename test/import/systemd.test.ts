import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expandSpecifiers, unescapeUnitName } from '../../sim/import/systemd/load.js';
import { parseTimeSpanUs, parseUnitText } from '../../sim/import/systemd/parse.js';
import { parseShowText } from '../../sim/import/systemd/show.js';
import { passed, simulate } from '../../sim/simulate.js';
import { decisions, golden, importFixture, run } from './golden.js';

const UNITS = 'test/fixtures/import/systemd/units';

describe('the unit-file parser (systemd.syntax(7), conf-parser.c)', () => {
  test('continuations join lines with a space and skip comment lines inside them', () => {
    const a = parseUnitText('[Unit]\nAfter=a.service \\\n# skipped\n  b.service\n', 'x.service');
    expect(a).toEqual([{ section: 'Unit', key: 'After', value: 'a.service  b.service', file: 'x.service', line: 2 }]);
  });

  test('# and ; start comments, blank lines are skipped, whitespace around = is trimmed', () => {
    const a = parseUnitText('; c\n# c\n\n[Service]\n  Restart =  always  \n', 'x.service');
    expect(a.map((x) => [x.key, x.value, x.line])).toEqual([['Restart', 'always', 5]]);
  });

  test('a line without = and an assignment outside a section are skipped and reported, as systemd does (conf-parser.c parse_line())', () => {
    const skipped: string[] = [];
    const onSkip = (l: { file: string; line: number; text: string }) => skipped.push(`${l.file}:${l.line} ${l.text}`);
    expect(parseUnitText('[Service]\nExecStart /bin/x\nRestart=always\n', 'x.service', onSkip).map((a) => a.key)).toEqual(['Restart']);
    expect(parseUnitText('Restart=no\n[Service]\n', 'y.service', onSkip)).toEqual([]);
    expect(skipped).toEqual(['x.service:2 ExecStart /bin/x', 'y.service:1 Restart=no']);
  });

  test('a broken section header is refused with file:line (systemd refuses the file too)', () => {
    expect(() => parseUnitText('[Unit\n', 'z.service')).toThrow(/z\.service:1:1 section header "\[Unit": close it/);
  });

  test('specifiers of systemd.unit(5) that name units, and unescaping', () => {
    const spec = { n: 'fsck@dev-sda1.service', N: 'fsck@dev-sda1', p: 'fsck', P: 'fsck', i: 'dev-sda1', I: unescapeUnitName('dev-sda1'), j: 'fsck', J: 'fsck' };
    expect(expandSpecifiers('After=dev-%i.device %p-root.service 100%%', spec)).toBe('After=dev-dev-sda1.device fsck-root.service 100%');
    expect(expandSpecifiers('%I %n %N %t', spec)).toBe('dev/sda1 fsck@dev-sda1.service fsck@dev-sda1 %t');
    expect(unescapeUnitName('mnt-my\\x2ddisk')).toBe('mnt/my-disk');
  });

  test('time spans as systemd.time(7) writes them', () => {
    expect(parseTimeSpanUs('0')).toBe(0);
    expect(parseTimeSpanUs('100ms')).toBe(100_000);
    expect(parseTimeSpanUs('1min 30s')).toBe(90_000_000);
    expect(parseTimeSpanUs('5')).toBe(5_000_000);
    expect(parseTimeSpanUs('infinity')).toBe(Infinity);
    expect(parseTimeSpanUs('soon')).toBeUndefined();
  });
});

describe('recsim import systemd: a folder of unit files', () => {
  const { result, yaml, scenario } = importFixture('systemd', [UNITS]);
  const app = result.scenario.components.find((c) => c.name === 'app.service')!;

  test('the written scenario matches its golden file', () => {
    expect(yaml).toBe(golden('test/fixtures/import/systemd/expected.yaml', yaml));
  });

  test('drop-ins are read in lexical order after the fragment: the last RestartSec= wins, an empty After= resets the list', () => {
    expect(app.restart).toEqual({ when: 'on-failure', delay: '1s' });
    // After= (with the default dependencies) is ordering only: `after`; Requires= is its own edge (sim/scenario/edges.ts).
    expect(app.after).toEqual(['basic.target', 'db.service', 'sysinit.target']); // network.target reset by 10-order.conf
    expect(app.requires).toEqual(['db.service']);
    expect(app.start_limit).toEqual({ burst: 3, interval: '1min', action: 'reboot' });
  });

  test('a template instance from a .wants/ folder gets its name and %i; aliases, masks, templates and unpulled units are skipped with a reason', () => {
    expect(result.scenario.components.map((c) => c.name)).toEqual(['app.service', 'basic.target', 'db.service', 'getty@tty1.service', 'multi-user.target', 'old.service', 'sysinit.target']);
    // Not pulled in by the boot: imported, not started at boot (systemd starts the default target's transaction only).
    expect(result.scenario.components.find((c) => c.name === 'old.service')!.start).toBe('on-demand');
    const skipped = Object.fromEntries(result.units.filter((u) => u.coverage === 'skipped').map((u) => [u.name, u.why]));
    expect(skipped).toEqual({
      'app-alias.service': 'an alias of app.service',
      'default.target': 'an alias of multi-user.target',
      'getty@.service': 'a template: only its instances (e.g. from a .wants/ folder) start',
      'masked.service': 'masked (a symlink to /dev/null)',
    });
    expect(result.warnings.some((w) => w.directive === 'BindsTo=dev-tty1.device')).toBe(true);
  });

  test('directives that bear on recovery but are not modelled are warnings with file:line, never dropped', () => {
    const lines = result.warnings.map((w) => `${w.at} ${w.directive}`);
    expect(lines).toContain(`${UNITS}/app.service:9 OnFailure=notify.service`);
    expect(lines).toContain(`${UNITS}/app.service:18 WatchdogSec=30s`);
    expect(lines).toContain(`${UNITS}/db.service:9 SuccessExitStatus`);
    expect(result.units.find((u) => u.name === 'app.service')!.coverage).toBe('partial');
    expect(result.units.find((u) => u.name === 'sysinit.target')!.coverage).toBe('full');
  });

  test('the scenario boots, and a crash of app.service restarts it after the drop-in RestartSec=1s, the decision citing Restart= in its unit file and RestartSec= in the drop-in', () => {
    expect(run(scenario).some((r) => r.type === 'boot-completed')).toBe(true);
    const crashed = importFixture('systemd', [UNITS], [{ at: '30s', crash: 'app.service' }]);
    const records = run(crashed.scenario);
    const [decision] = decisions(records, 'app.service');
    expect(decision).toMatchObject({ action: 'restart', delayUs: 1_000_000, source: `${UNITS}/app.service:16, ${UNITS}/app.service.d/20-faster.conf:3` });
  });

  test('teeth: without the drop-in folder the restart waits the fragment\'s 2s, and the story no longer holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-units-'));
    try {
      cpSync(UNITS, dir, { recursive: true, verbatimSymlinks: true });
      rmSync(join(dir, 'app.service.d'), { recursive: true });
      const broken = importFixture('systemd', [dir], [{ at: '30s', crash: 'app.service' }]);
      expect(decisions(run(broken.scenario), 'app.service')[0]).toMatchObject({ delayUs: 2_000_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('StartLimitBurst=3 in 1min and StartLimitAction=reboot: the restart job after the third quick crash is refused and reboots, citing the unit\'s lines', () => {
    const faults = [30, 32, 34, 36, 38, 40].map((s) => ({ at: `${s}s`, crash: 'app.service' }));
    const storm = importFixture('systemd', [UNITS], faults);
    const trace = simulate(storm.scenario, {});
    // Starts at 0, 31 and 33 s; the restart job due at 35 s (RestartSec=1s after the crash at 34 s) is the fourth.
    const refused = decisions(trace.records, 'app.service').find((d) => /^give-up\+reboot/.test(d.action))!;
    expect(refused.t).toBe(35_000_000);
    expect(refused.source).toBe(`${UNITS}/app.service:11`);
    expect(passed(trace, storm.scenario)).toBe(true);
  });
});

describe('recsim import systemd-show: `systemctl show` output', () => {
  const show = [
    'Id=web.service', 'Type=simple', 'Restart=on-failure', 'RestartUSec=5s', 'TimeoutStopUSec=1min 30s', 'TimeoutStartUSec=1min 30s',
    'StartLimitIntervalUSec=10s', 'StartLimitBurst=5', 'FailureAction=none', 'WatchdogUSec=0', 'Requires=db.service sysinit.target',
    'After=db.service sysinit.target basic.target', 'KillSignal=15', '',
    'Id=db.service', 'Type=notify', 'Restart=always', 'RestartUSec=100ms', 'TimeoutStopUSec=30s', 'After=sysinit.target', '',
    'Id=gone.service', 'LoadState=not-found', '',
  ].join('\n');

  test('resolved values map like unit files; defaults printed for every unit are not warnings', () => {
    const units = parseShowText(show, 'show.txt');
    expect(units.map((u) => u.name)).toEqual(['web.service', 'db.service', 'gone.service']);
  });

  test('a saved `systemctl show` output imports like unit files: golden scenario, warnings for needs outside the input, decisions citing show lines', () => {
    const SHOW = 'test/fixtures/import/systemd/show.txt';
    const { result, yaml } = importFixture('systemd-show', [SHOW]);
    expect(yaml).toBe(golden('test/fixtures/import/systemd/expected-show.yaml', yaml));
    const web = result.scenario.components.find((c) => c.name === 'web.service')!;
    expect(web).toMatchObject({ restart: { when: 'on-failure', delay: '5s', prevent_exit_status: [78] }, start_limit: { burst: 3, interval: '1min', action: 'reboot' }, stop_timeout: '20s', after: ['db.service', 'systemd-journald.socket'], requires: ['db.service'] });
    expect(result.warnings.map((w) => `${w.at} ${w.directive}`)).toEqual([
      `${SHOW}:71 Requires=sysinit.target`, `${SHOW}:48 Requires=sysinit.target`, `${SHOW}:49 Wants=network-online.target`,
      `${SHOW}:12 WatchdogSec=3min`, `${SHOW}:61 OnFailure=notify-admin.service`,
    ]);
    expect(result.units.find((u) => u.name === 'gone.service')).toMatchObject({ coverage: 'skipped', why: 'LoadState=not-found' });
    const crashed = importFixture('systemd-show', [SHOW], [30, 40, 50].map((t) => ({ at: `${t}s`, crash: 'web.service' })));
    const made = decisions(run(crashed.scenario), 'web.service');
    expect(made.map((d) => [d.action, d.source])).toEqual([
      // Starts at 0, 35 and 45 s; the crash at 50 s is restarted, and that restart job, at 55 s, is the fourth start
      // in the minute: refused when it runs (issue 11: unit_test_start_limit() is called by the start job).
      ['restart', `${SHOW}:38, ${SHOW}:39`], ['restart', `${SHOW}:38, ${SHOW}:39`], ['restart', `${SHOW}:38, ${SHOW}:39`], ['give-up+reboot', `${SHOW}:58`],
    ]);
  });

  test('a block without Id= is refused', () => {
    expect(() => parseShowText('Restart=no\n', 'show.txt')).toThrow(/show\.txt:1:1 a block without Id=/);
  });
});

describe('OnFailure= and RestartMode= map onto the model (issue 11)', () => {
  test('an OnFailure= unit of the boot is started when the unit fails for good; one outside the boot is a warning; RestartMode=direct is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-onfailure-'));
    try {
      writeFileSync(join(dir, 'default.target'), '[Unit]\nWants=app.service notify.service direct.service\n');
      writeFileSync(join(dir, 'app.service'), '[Unit]\nOnFailure=notify.service\nOnFailure=emergency.target\n[Service]\nExecStart=/bin/app\nRestart=no\n');
      writeFileSync(join(dir, 'notify.service'), '[Service]\nExecStart=/bin/notify\nRestart=no\n');
      writeFileSync(join(dir, 'direct.service'), '[Service]\nExecStart=/bin/d\nRestart=on-failure\nRestartMode=direct\n');
      // notify.service runs once at boot and exits at 1 s, as a one-shot job would.
      const imported = importFixture('systemd', [dir], [{ at: '1s', exit: 'notify.service' }, { at: '30s', crash: 'app.service' }]);
      const policyOf = (name: string) => imported.scenario.components.find((c) => c.name === name)!.policy;
      expect(policyOf('app.service').onFailure).toEqual(['notify.service']);
      expect(policyOf('direct.service').restartMode).toBe('direct');
      expect(imported.result.warnings.map((w) => w.directive)).toContain('OnFailure=emergency.target');
      const started = run(imported.scenario).filter((r) => r.type === 'decision' && r.component === 'notify.service' && r.action === 'start');
      expect(started.map((r) => r.t)).toEqual([30_000_000]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
