import { serializePartial } from '../../sim/compare/partial.js';
import { emptyAccumulator } from '../../sim/compare/accumulator.js';
import { emptyResult } from '../../sim/explore/exhaustive/result.js';

/**
 * The hostile-input corpus, round 2 (issue 25): what a hostile user tries on
 * the importers, the merges and the newer fields. Each case is data: files to
 * write (text, or links and FIFOs made by the runner), a command line, and
 * what must come out. A "bad" case ends with exit 2 and one line on stderr
 * that names the file (with line:col when `positioned`), never exit 70, a
 * stack trace or a raw control character, within `boundMs`. An "ok" case is
 * valid input recsim used to refuse or print unsafely: exit 0, and neither
 * stdout nor stderr carries a raw control character.
 */
export type HostileGroup =
  | '1 self-check' | '2 file system' | '3 endless input' | '4 merges' | '5 depth and size' | '6 unsafe output' | '7 valid input' | '8 wording';

export interface HostileCase {
  group: HostileGroup;
  name: string;
  /** Files to write, relative to the case's folder. */
  files: Record<string, string | Buffer>;
  /** Symlinks to make: path -> target (`@` in the target is the case's folder). */
  links?: Record<string, string>;
  /** FIFOs to make (named pipes nobody writes to). */
  fifos?: string[];
  /** Needs a file the process cannot read (a chmod 000 file, or as root a write-only sysfs file); skipped when none can be made. */
  unreadable?: string;
  /** The command line; `@` is replaced by the case's folder. */
  argv: string[];
  /** Text the one line must contain (`@` is the case's folder): the file, or the flag. */
  names: string;
  /** The problem is inside the file: `file:line:col ` must follow `recsim: `. */
  positioned?: boolean;
  /** Also required of the line (wording cases). */
  says?: RegExp;
  /** `ok`: valid input, exit 0 with no raw control character anywhere. Default `bad`. */
  expect?: 'bad' | 'ok';
  /** For an `ok` case: the exit codes allowed (default 0 only), e.g. a storm that may find an invariant broken. */
  exits?: string[];
  /** Nothing may be written to stdout before the error (errors found after the work is done). */
  noStdout?: boolean;
  boundMs?: number;
}

// --- Inputs that import cleanly, to break one thing at a time --------------------------------------------

const TARGET = '[Unit]\nDescription=boot\nWants=a.service b.service\n';
const SERVICE = (extra = ''): string => `[Unit]\nDescription=a\n[Service]\nExecStart=/bin/a\nRestart=on-failure\n${extra}`;
const systemdFiles = (a = SERVICE(), more: Record<string, string> = {}): Record<string, string> =>
  ({ 'units/default.target': TARGET, 'units/a.service': a, 'units/b.service': SERVICE(), ...more });
const SHOW = 'Id=a.service\nLoadState=loaded\nRestart=on-failure\nRestartUSec=100ms\n\nId=b.service\nLoadState=loaded\nRestart=no\n';
const RC = 'service a /system/bin/a\n    class main\n\nservice b /system/bin/b\n    class main\n';
const REGISTRY = '[[service]]\nname = "a"\ncommand = "a"\nrestart_behavior = "recovery(100)"\n\n[[service]]\nname = "b"\ncommand = "b"\ndepends = ["a"]\n';
const CML = '{\n  children: [\n    { name: "a", url: "fuchsia-pkg://x#meta/a.cm", startup: "eager" },\n    { name: "b", url: "fuchsia-pkg://x#meta/b.cm", startup: "eager" },\n  ],\n}\n';

interface Format { format: string; files: Record<string, string>; argv: string[]; file: string }
const FORMATS: Format[] = [
  { format: 'systemd', files: systemdFiles(), argv: ['@/units'], file: 'units' },
  { format: 'systemd-show', files: { 'show.txt': SHOW }, argv: ['@/show.txt'], file: 'show.txt' },
  { format: 'fuchsia', files: { 'root.cml': CML }, argv: ['@/root.cml'], file: 'root.cml' },
  { format: 'android', files: { 'init.rc': RC }, argv: ['@/init.rc'], file: 'init.rc' },
  { format: 'redox', files: { 'registry.toml': REGISTRY }, argv: ['@/registry.toml'], file: 'registry.toml' },
];

const imp = (group: HostileGroup, name: string, format: string, files: Record<string, string | Buffer>, paths: string[], names: string, more: Partial<HostileCase> = {}): HostileCase =>
  ({ group, name, files, argv: ['import', format, ...paths], names, ...more });

// --- A scenario for run, explore and compare -----------------------------------------------------------

const SCENARIO = `name: hostile
duration: 1min
components:
  - { name: disk, kind: driver, restart: { when: always, delay: 100ms } }
  - { name: fs, depends: [disk], restart: { when: on-failure, delay: 200ms } }
faults:
  - { at: 10s, crash: fs, exit_code: 1 }
`;

function selfCheck(): HostileCase[] {
  const out: HostileCase[] = [];
  for (const f of FORMATS) {
    const g = (name: string, flags: string[], names: string): HostileCase => imp('1 self-check', `${f.format}: ${name}`, f.format, f.files, [...f.argv, ...flags], names);
    out.push(g('--duration soon', ['--duration', 'soon'], '--duration'));
    out.push(g('--duration 0s', ['--duration', '0s'], '--duration'));
    out.push(g('--duration -1min', ['--duration=-1min'], '--duration'));
    out.push(g('--crash-at soon', ['--crash', 'a.service', '--crash-at', 'soon'].map((a) => (a === 'a.service' ? crashName(f.format) : a)), '--crash-at'));
    out.push(g('--crash-at after the end', ['--crash', crashName(f.format), '--crash-at', '20min'], '--crash-at'));
    out.push(g('--crash-rate fast', ['--crash', crashName(f.format), '--crash-rate', 'fast'], '--crash-rate'));
    out.push(g('--crash-rate 0/h', ['--crash', crashName(f.format), '--crash-rate', '0/h'], '--crash-rate'));
    out.push(g('--crash-at without --crash', ['--crash-at', '30s'], '--crash-at'));
  }
  const sd = (name: string, a: string, line?: boolean): HostileCase =>
    imp('1 self-check', `systemd: ${name}`, 'systemd', systemdFiles(a), ['@/units'], 'units/a.service', { positioned: line ?? true });
  out.push(
    sd('RestartSec=infinity', SERVICE('RestartSec=infinity\n')),
    sd('RestartSec= of 10^12 days', SERVICE('RestartSec=999999999999d\n')),
    sd('RestartMaxDelaySec=infinity with RestartSteps=', SERVICE('RestartSteps=3\nRestartMaxDelaySec=infinity\n')),
    sd('RestartSteps=many', SERVICE('RestartSteps=many\nRestartMaxDelaySec=10s\n')),
    sd('RestartSteps=-1', SERVICE('RestartSteps=-1\nRestartMaxDelaySec=10s\n')),
    sd('StartLimitBurst= of 10^20', SERVICE('StartLimitBurst=99999999999999999999\n')),
    sd('StartLimitIntervalSec= of 10^12 days', SERVICE('StartLimitIntervalSec=999999999999d\n')),
    sd('TimeoutStopSec= of 10^12 days', SERVICE('TimeoutStopSec=999999999999d\n')),
  );
  // A unit naming itself: systemd ignores the dependency (unit_add_dependency()); valid input, imported with a warning.
  for (const d of ['BindsTo', 'PartOf', 'OnFailure', 'Requires']) {
    out.push(imp('1 self-check', `systemd: ${d}= itself`, 'systemd', systemdFiles(SERVICE(`${d}=a.service\n`).replace('[Service]', `After=b.service\n[Service]`)), ['@/units'], '', { expect: 'ok' }));
  }
  const show = (name: string, text: string, positioned = true): HostileCase => imp('1 self-check', `systemd-show: ${name}`, 'systemd-show', { 'show.txt': text }, ['@/show.txt'], 'show.txt', { positioned });
  out.push(
    show('empty Id=', 'Id=\nLoadState=loaded\n'),
    show('Id= that is not a unit name', 'Id=hello world\nLoadState=loaded\n'),
    show('RestartUSec=infinity', 'Id=a.service\nLoadState=loaded\nRestart=always\nRestartUSec=infinity\n'),
    show('StartLimitBurst= of 10^20', 'Id=a.service\nLoadState=loaded\nStartLimitBurst=99999999999999999999\n'),
  );
  out.push(imp('1 self-check', 'systemd-show: duplicate Id= (systemctl show a a prints it twice)', 'systemd-show', { 'show.txt': `${SHOW}\n${SHOW}` }, ['@/show.txt'], '', { expect: 'ok' }));
  const rdx = (name: string, text: string, more: Partial<HostileCase> = {}): HostileCase => imp('1 self-check', `redox: ${name}`, 'redox', { 'registry.toml': text }, ['@/registry.toml'], 'registry.toml', { positioned: true, ...more });
  out.push(
    rdx('a service named like the monitor', `${REGISTRY}\n[[service]]\nname = "servicemonitor"\ncommand = "x"\n`, { expect: 'ok' }),
    rdx('two services of one name', `${REGISTRY}\n[[service]]\nname = "a"\ncommand = "x"\n`),
    rdx('an empty name', '[[service]]\nname = ""\ncommand = "x"\n'),
    rdx('timer(10^20)', '[[service]]\nname = "a"\ncommand = "a"\nrestart_behavior = "timer(99999999999999999999)"\n'),
  );
  out.push(imp('1 self-check', 'redox: two init.d files of one service', 'redox', { 'init.d/00_a.toml': '[service]\ncmd = "a"\n', 'init.d/10_a.toml': '[service]\ncmd = "a"\n' }, ['@/init.d/00_a.toml', '@/init.d/10_a.toml'], 'init.d/10_a.toml'));
  const fx = (name: string, files: Record<string, string>, paths: string[], names: string, more: Partial<HostileCase> = {}): HostileCase => imp('1 self-check', `fuchsia: ${name}`, 'fuchsia', files, paths, names, more);
  out.push(
    fx('an empty realm', { 'root.cml': '{}\n' }, ['@/root.cml'], 'root.cml'),
    fx('a realm with no children', { 'root.cml': '{ children: [] }\n' }, ['@/root.cml'], 'root.cml'),
    fx('two children of one name', { 'root.cml': '{\n  children: [\n    { name: "a", url: "x#meta/a.cm" },\n    { name: "a", url: "x#meta/b.cm" },\n  ],\n}\n' }, ['@/root.cml'], 'root.cml', { positioned: true }),
    fx('a child with an empty name', { 'root.cml': '{\n  children: [\n    { name: "", url: "x#meta/a.cm" },\n  ],\n}\n' }, ['@/root.cml'], 'root.cml', { positioned: true }),
    fx('a child with a slash in its name', { 'root.cml': '{\n  children: [\n    { name: "a/b", url: "x#meta/a.cm" },\n  ],\n}\n' }, ['@/root.cml'], 'root.cml', { positioned: true }),
    fx('an allowlist naming a moniker not imported', { 'root.cml': CML, 'cm.json5': '{\n  security_policy: { child_policy: { reboot_on_terminate: ["/core/elsewhere"] } },\n}\n' }, ['@/root.cml', '@/cm.json5'], '', { expect: 'ok' }),
    fx('an allowlist pattern matching nothing imported', { 'root.cml': CML, 'cm.json5': '{\n  security_policy: { child_policy: { reboot_on_terminate: ["/core/**"] } },\n}\n' }, ['@/root.cml', '@/cm.json5'], '', { expect: 'ok' }),
  );
  const rc = (name: string, text: string, more: Partial<HostileCase> = {}): HostileCase => imp('1 self-check', `android: ${name}`, 'android', { 'init.rc': text }, ['@/init.rc'], 'init.rc', { positioned: true, ...more });
  out.push(
    rc('onrestart restart itself', `${RC}    onrestart restart b\n`, { expect: 'ok' }),
    rc('restart_period 1e30', `${RC}    restart_period 1e30\n`),
    rc('critical window=1e30', `${RC}    critical window=1e30\n`),
    rc('a service with an empty name', 'service "" /bin/x\n'),
  );
  return out;
}

function crashName(format: string): string {
  return format === 'fuchsia' ? '/a' : format === 'systemd' || format === 'systemd-show' ? 'a.service' : 'a';
}

function fileSystem(): HostileCase[] {
  const sd = (name: string, more: Partial<HostileCase>, names: string, files = systemdFiles(), flags: string[] = []): HostileCase =>
    imp('2 file system', `systemd: ${name}`, 'systemd', files, ['@/units', ...flags], names, more);
  const { 'units/a.service': _a, ...withoutA } = systemdFiles();
  const { 'units/default.target': _t, ...withoutTarget } = systemdFiles();
  return [
    sd('a unit it cannot read (EACCES)', { unreadable: 'units/a.service' }, 'units/a.service', withoutA),
    sd('a dangling drop-in link (ENOENT)', { links: { 'units/a.service.d/10-x.conf': '@/nowhere.conf' } }, 'units/a.service.d/10-x.conf'),
    sd('a .wants folder linked to itself (ELOOP)', { links: { 'units/default.target.wants': '@/units/default.target.wants' } }, 'units/default.target.wants'),
    sd('default.target is a folder (EISDIR)', {}, 'units/default.target', { ...withoutTarget, 'units/default.target/keep': '' }),
    sd('a drop-in is a folder (EISDIR)', {}, 'units/a.service.d/10-x.conf', systemdFiles(SERVICE(), { 'units/a.service.d/10-x.conf/keep': '' })),
    sd('a unit is a folder', {}, 'units/a.service', { ...withoutA, 'units/a.service/keep': '' }),
    // Only the names in a .wants/ folder count (the unit itself is found in the unit folders): valid input.
    sd('a .wants entry is a folder', { expect: 'ok' }, '', systemdFiles(SERVICE(), { 'units/default.target.wants/a.service/keep': '' })),
    sd('a unit folder that is a file', {}, 'units', { units: 'not a folder' }),
    sd('--out to a full device (ENOSPC)', {}, '/dev/full', systemdFiles(), ['--out', '/dev/full']),
    sd('--out under a file (ENOTDIR)', {}, 'file/x.yaml', { ...systemdFiles(), file: 'x' }, ['--out', '@/file/x.yaml']),
    sd('--out in a folder it cannot write (EACCES)', {}, '/sys/x.yaml', systemdFiles(), ['--out', '/sys/x.yaml']),
    sd('--out is a folder (EISDIR)', {}, 'outdir', { ...systemdFiles(), 'outdir/keep': '' }, ['--out', '@/outdir']),
    imp('2 file system', 'android: an .rc it cannot read (EACCES)', 'android', {}, ['@/init.rc'], 'init.rc', { unreadable: 'init.rc' }),
    imp('2 file system', 'android: no such .rc (ENOENT)', 'android', {}, ['@/init.rc'], 'init.rc'),
    imp('2 file system', 'android: an .rc that is a folder', 'android', { 'init.rc/keep': '' }, ['@/init.rc'], 'init.rc'),
    // Redox import takes a folder (of init files): one named like a .toml file is read as a folder, its files as init scripts.
    imp('2 file system', 'redox: a .toml that is a folder (read as a folder of init files)', 'redox', { 'r.toml/keep': '' }, ['@/r.toml'], '', { expect: 'ok' }),
    imp('2 file system', 'redox: a .toml link loop (ELOOP)', 'redox', {}, ['@/r.toml'], 'r.toml', { links: { 'r.toml': '@/r.toml' } }),
    imp('2 file system', 'fuchsia: a .cml that is a folder', 'fuchsia', { 'root.cml/keep': '' }, ['@/root.cml'], 'root.cml'),
    imp('2 file system', 'fuchsia: a .cml it cannot read (EACCES)', 'fuchsia', {}, ['@/root.cml'], 'root.cml', { unreadable: 'root.cml' }),
    imp('2 file system', 'systemd-show: a show file that is a folder', 'systemd-show', { 'show.txt/keep': '' }, ['@/show.txt'], 'show.txt'),
    imp('2 file system', 'systemd-show: a dangling link', 'systemd-show', {}, ['@/show.txt'], 'show.txt', { links: { 'show.txt': '@/gone.txt' } }),
    { group: '2 file system', name: 'compare --html to a folder: refused before the campaign', files: { 's.yaml': SCENARIO, 'report/keep': '' }, argv: ['compare', '@/s.yaml', '--seeds', '1..2', '--workers', '0', '--html', '@/report'], names: 'report', noStdout: true, boundMs: 3000 },
    { group: '2 file system', name: 'compare --out to a folder: refused before the campaign', files: { 's.yaml': SCENARIO, 'o/keep': '' }, argv: ['compare', '@/s.yaml', '--seeds', '1..2', '--workers', '0', '--out', '@/o'], names: 'o', noStdout: true },
    { group: '2 file system', name: 'compare --out to a full device', files: { 's.yaml': SCENARIO }, argv: ['compare', '@/s.yaml', '--seeds', '1..2', '--workers', '0', '--out', '/dev/full'], names: '/dev/full' },
    { group: '2 file system', name: 'compare --traces to a file', files: { 's.yaml': SCENARIO, t: 'x' }, argv: ['compare', '@/s.yaml', '--seeds', '1..2', '--workers', '0', '--traces', '@/t'], names: '@/t', noStdout: true },
    { group: '2 file system', name: 'compare --html under a file', files: { 's.yaml': SCENARIO, f: 'x' }, argv: ['compare', '@/s.yaml', '--seeds', '1..2', '--workers', '0', '--html', '@/f/r.html'], names: 'f/r.html', noStdout: true },
    { group: '2 file system', name: 'run --out to a full device', files: { 's.yaml': SCENARIO }, argv: ['run', '@/s.yaml', '--out', '/dev/full'], names: '/dev/full' },
    { group: '2 file system', name: 'explore --exhaustive --out-dir under a file', files: { 's.yaml': SCENARIO.replace(/faults:[^]*$/, 'expect:\n  violations: none\n'), f: 'x' }, argv: ['explore', '@/s.yaml', '--exhaustive', '--kinds', 'crash', '--workers', '1', '--out-dir', '@/f/out'], names: 'f/out' },
    { group: '2 file system', name: 'schema --out to a folder', files: { 'd/keep': '' }, argv: ['schema', '--out', '@/d'], names: '@/d' },
    { group: '2 file system', name: 'export --out to a full device', files: {}, argv: ['export', 'test/fixtures/traces/netstack-reboot.json', '--format', 'chrome', '--out', '/dev/full'], names: '/dev/full' },
  ];
}

function endless(): HostileCase[] {
  const out: HostileCase[] = [];
  const bound = { boundMs: 5000 };
  const imports: [string, string, string[], Record<string, string>][] = [
    ['android', 'init.rc', ['@/init.rc'], {}],
    ['systemd-show', 'show.txt', ['@/show.txt'], {}],
    ['redox', 'r.toml', ['@/r.toml'], {}],
    ['fuchsia', 'root.cml', ['@/root.cml'], {}],
  ];
  for (const [format, file, paths] of imports) {
    out.push(imp('3 endless input', `${format}: a FIFO as the input`, format, {}, paths, file, { fifos: [file], ...bound }));
    out.push(imp('3 endless input', `${format}: /dev/zero as the input`, format, {}, paths, file, { links: { [file]: '/dev/zero' }, ...bound }));
    out.push(imp('3 endless input', `${format}: /dev/urandom as the input`, format, {}, paths, file, { links: { [file]: '/dev/urandom' }, ...bound }));
  }
  const { 'units/default.target': _t, ...withoutTarget } = systemdFiles();
  const { 'units/a.service': _a, ...withoutA } = systemdFiles();
  out.push(
    imp('3 endless input', 'systemd: a FIFO as default.target', 'systemd', withoutTarget, ['@/units'], 'units/default.target', { fifos: ['units/default.target'], ...bound }),
    imp('3 endless input', 'systemd: a FIFO as a unit', 'systemd', withoutA, ['@/units'], 'units/a.service', { fifos: ['units/a.service'], ...bound }),
    imp('3 endless input', 'systemd: a FIFO as a drop-in', 'systemd', systemdFiles(), ['@/units'], 'units/a.service.d/x.conf', { fifos: ['units/a.service.d/x.conf'], ...bound }),
    imp('3 endless input', 'systemd: /dev/zero as a unit', 'systemd', withoutA, ['@/units'], 'units/a.service', { links: { 'units/a.service': '/dev/zero' }, ...bound }),
    imp('3 endless input', 'systemd: /dev/zero as default.target', 'systemd', withoutTarget, ['@/units'], 'units/default.target', { links: { 'units/default.target': '/dev/zero' }, ...bound }),
    imp('3 endless input', 'systemd: /dev/zero as a drop-in', 'systemd', systemdFiles(), ['@/units'], 'units/a.service.d/x.conf', { links: { 'units/a.service.d/x.conf': '/dev/zero' }, ...bound }),
    imp('3 endless input', 'systemd: /dev/zero as the unit folder', 'systemd', {}, ['/dev/zero'], '/dev/zero', bound),
    { group: '3 endless input', name: 'run: a FIFO as the scenario', files: {}, fifos: ['s.yaml'], argv: ['run', '@/s.yaml'], names: 's.yaml', ...bound },
    { group: '3 endless input', name: 'run: /dev/zero as the scenario', files: {}, links: { 's.yaml': '/dev/zero' }, argv: ['run', '@/s.yaml'], names: 's.yaml', ...bound },
    { group: '3 endless input', name: 'view: a FIFO as the trace', files: {}, fifos: ['t.json'], argv: ['view', '@/t.json', '--no-open'], names: 't.json', ...bound },
    { group: '3 endless input', name: 'export: /dev/zero as the trace', files: {}, links: { 't.json': '/dev/zero' }, argv: ['export', '@/t.json', '--format', 'chrome'], names: 't.json', ...bound },
    { group: '3 endless input', name: 'compare --merge: a FIFO as a shard', files: {}, fifos: ['p.json'], argv: ['compare', '--merge', '@/p.json'], names: 'p.json', ...bound },
    { group: '3 endless input', name: 'compare --merge: /dev/zero as a shard', files: {}, links: { 'p.json': '/dev/zero' }, argv: ['compare', '--merge', '@/p.json'], names: 'p.json', ...bound },
    { group: '3 endless input', name: 'explore --merge: a FIFO as a shard', files: { 's.yaml': SCENARIO }, fifos: ['p.json'], argv: ['explore', '@/s.yaml', '--exhaustive', '--merge', '@/p.json'], names: 'p.json', ...bound },
    { group: '3 endless input', name: 'explore --merge: /dev/zero as a shard', files: { 's.yaml': SCENARIO }, links: { 'p.json': '/dev/zero' }, argv: ['explore', '@/s.yaml', '--exhaustive', '--merge', '@/p.json'], names: 'p.json', ...bound },
  );
  return out;
}

// --- Merges --------------------------------------------------------------------------------------------

function compareShard(patch: (j: Record<string, unknown>) => void, seeds = [1, 2]): string {
  const json = JSON.parse(serializePartial({
    scenario: 'hostile', components: ['disk', 'fs'], durationUs: 60e6, seeds,
    policies: [emptyAccumulator('systemd', 2)],
  })) as Record<string, unknown>;
  patch(json);
  return JSON.stringify(json);
}

function exhaustiveShard(patch: (j: Record<string, unknown>) => void, index = 0, count = 2): string {
  const json = emptyResult({
    scenario: 'hostile', depth: 1, kinds: ['crash'], components: 2, windowUs: 50e6, livenessJudged: true, eventBudget: 100000,
    dedup: true, policy: false, shard: { index, count }, targets: 'neighbourhood',
  }) as unknown as Record<string, unknown>;
  patch(json);
  return JSON.stringify(json);
}

function merges(): HostileCase[] {
  const cmp = (name: string, text: string, more: Partial<HostileCase> = {}): HostileCase =>
    ({ group: '4 merges', name: `compare --merge: ${name}`, files: { 'p1.json': compareShard(() => {}, [3, 4]), 'p2.json': text }, argv: ['compare', '--merge', '@/p1.json', '@/p2.json'], names: 'p2.json', boundMs: 3000, ...more });
  const set = (path: string, value: unknown) => (j: Record<string, unknown>): void => {
    const keys = path.split('.');
    let o = j as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
    o[keys.at(-1)!] = value;
  };
  const out: HostileCase[] = [
    cmp('seeds 1..300000000', compareShard(set('seeds', '1..300000000'))),
    cmp('seeds a..b,,-3', compareShard(set('seeds', 'a..b,,-3'))),
    cmp('seeds 5..1', compareShard(set('seeds', '5..1'))),
    cmp('seeds a number', compareShard(set('seeds', 7))),
    cmp('seeds 1e3', compareShard(set('seeds', '1e3'))),
    cmp('seeds past 2^53', compareShard(set('seeds', '9007199254740993'))),
    cmp('policies a string', compareShard(set('policies', 'x'))),
    cmp('policies empty', compareShard(set('policies', []))),
    cmp('an unknown policy', compareShard((j) => ((j.policies as Record<string, unknown>[])[0]!.policy = 'nuke'))),
    cmp('metrics missing', compareShard((j) => delete (j.policies as Record<string, unknown>[])[0]!.metrics)),
    cmp('a metric sum that is not a number', compareShard((j) => (((j.policies as Record<string, Record<string, Record<string, unknown>>>[])[0]!.metrics!.restarts!).sum = 'abc'))),
    cmp('a metric count negative', compareShard((j) => (((j.policies as Record<string, Record<string, Record<string, unknown>>>[])[0]!.metrics!.restarts!).n = -5))),
    cmp('runs a string', compareShard((j) => ((j.policies as Record<string, unknown>[])[0]!.runs = '45'))),
    cmp('services shorter than components', compareShard((j) => ((j.policies as Record<string, unknown>[])[0]!.services = []))),
    cmp('components a string', compareShard(set('components', 'disk'))),
    cmp('durationUs a string', compareShard(set('durationUs', 'long'))),
    cmp('a shard of another scenario', compareShard(set('scenario', 'other'))),
    cmp('a top-level array', '[1, 2, 3]'),
    cmp('null', 'null'),
    cmp('broken JSON', '{"format": "recsim-compare-partial", '),
    cmp('10,000 nested arrays', `${'['.repeat(10000)}${']'.repeat(10000)}`),
    cmp('a __proto__ key', compareShard(() => {}).replace('{', '{"__proto__": {"polluted": true}, ')),
    cmp('worst seed a string', compareShard((j) => ((j.policies as Record<string, unknown>[])[0]!.worst = { seed: 'x', runningUs: 1, ungracefulReboots: 0, lostDataBytes: 0 }))),
  ];
  const exh = (name: string, text: string, more: Partial<HostileCase> = {}): HostileCase =>
    ({ group: '4 merges', name: `explore --merge: ${name}`, files: { 's.yaml': SCENARIO, 'p1.json': exhaustiveShard(() => {}), 'p2.json': text }, argv: ['explore', '@/s.yaml', '--exhaustive', '--merge', '@/p1.json', '@/p2.json'], names: 'p2.json', boundMs: 3000, ...more });
  out.push(
    exh('findings "x"', exhaustiveShard(set('findings', 'x'), 1)),
    exh('findings [{}]', exhaustiveShard(set('findings', [{}]), 1)),
    exh('cases "45"', exhaustiveShard(set('cases', '45'), 1)),
    exh('cases -1', exhaustiveShard(set('cases', -1), 1)),
    exh('shards 9/2 with 2/2', exhaustiveShard(set('shards', ['9/2']), 1)),
    exh('shards 0/2', exhaustiveShard(set('shards', ['0/2']), 1)),
    exh('shards 1/0', exhaustiveShard(set('shards', ['1/0']), 1)),
    exh('shards a string', exhaustiveShard(set('shards', '2/2'), 1)),
    exh('shards empty', exhaustiveShard(set('shards', []), 1)),
    exh('shards of another count (2/3)', exhaustiveShard(() => {}, 1, 3)),
    exh('keys a string', exhaustiveShard(set('keys', 'x'), 1)),
    exh('kinds unknown', exhaustiveShard(set('kinds', ['nuke']), 1)),
    exh('depth 7', exhaustiveShard(set('depth', 7), 1)),
    exh('policyViolations a string', exhaustiveShard(set('policyViolations', 'x'), 1)),
    exh('a shard of another scenario (both)', exhaustiveShard(set('scenario', 'other'), 1), { files: { 's.yaml': SCENARIO, 'p1.json': exhaustiveShard(set('scenario', 'other')), 'p2.json': exhaustiveShard(set('scenario', 'other'), 1) }, names: 'p1.json' }),
    exh('a shard of another scenario', exhaustiveShard(set('scenario', 'other'), 1)),
    exh('broken JSON', '{"format": "recsim-exhaustive", '),
    exh('null', 'null'),
    exh('a finding with first "x"', exhaustiveShard(set('findings', [{ invariant: 'no-lost-work', cases: 1, first: 'x', order: [0] }]), 1)),
  );
  return out;
}

function depthAndSize(): HostileCase[] {
  const out: HostileCase[] = [];
  // A Fuchsia realm 3,000 levels deep: each manifest has one child, the next manifest.
  const deep: Record<string, string> = {};
  for (let i = 0; i < 3000; i++) deep[`m${i}.cml`] = `{ children: [ { name: "c", url: "x#meta/m${i + 1}.cm", startup: "eager" } ] }\n`;
  deep['m3000.cml'] = '{}\n';
  out.push(imp('5 depth and size', 'fuchsia: a realm 3,000 levels deep', 'fuchsia', deep, Object.keys(deep).map((f) => `@/${f}`), '', { expect: 'ok', boundMs: 60000 }));
  // CML child names are at most 1024 characters: a 1 MB one is refused at its line (it used to build an invalid regular expression).
  out.push(imp('5 depth and size', 'fuchsia: a 1 MB child name', 'fuchsia', { 'root.cml': `{ children: [ { name: "${'n'.repeat(1 << 20)}", url: "x#meta/a.cm", startup: "eager" } ] }\n` }, ['@/root.cml'], 'root.cml', { positioned: true, boundMs: 10000 }));
  out.push(imp('5 depth and size', 'fuchsia: a 1 MB protocol name offered', 'fuchsia', { 'root.cml': `{ children: [ { name: "a", url: "x#meta/a.cm", startup: "eager" }, { name: "b", url: "x#meta/b.cm", startup: "eager" } ], offer: [ { protocol: "${'p'.repeat(1 << 20)}", from: "#a", to: "#b" } ] }\n` }, ['@/root.cml'], '', { expect: 'ok', boundMs: 10000 }));
  out.push(imp('5 depth and size', 'fuchsia: 2,000 children with 2,000 strong offers', 'fuchsia', {
    'root.cml': `{\n children: [\n${Array.from({ length: 2000 }, (_, i) => `  { name: "c${i}", url: "x#meta/c.cm", startup: "eager" },`).join('\n')}\n ],\n offer: [\n${Array.from({ length: 1999 }, (_, i) => `  { protocol: "p${i}", from: "#c${i}", to: "#c${i + 1}" },`).join('\n')}\n ],\n}\n`,
  }, ['@/root.cml'], '', { expect: 'ok', boundMs: 15000 }));
  const registry = Array.from({ length: 10000 }, (_, i) => `[[service]]\nname = "s${i}"\ncommand = "s"\nrestart_behavior = "recovery(100)"\n${i > 0 ? `depends = ["s${i - 1}"]\n` : ''}`).join('\n');
  out.push(imp('5 depth and size', 'redox: a 10,000-service registry (a 10,000-long chain)', 'redox', { 'r.toml': registry }, ['@/r.toml'], '', { expect: 'ok', boundMs: 60000 }));
  const rc = Array.from({ length: 100000 }, (_, i) => (i % 40 === 0 ? `service s${i} /bin/s` : i % 40 === 1 ? '    class main' : `    setenv V${i} x`)).join('\n');
  out.push(imp('5 depth and size', 'android: a 100,000-line .rc (2,500 services)', 'android', { 'init.rc': rc }, ['@/init.rc'], '', { expect: 'ok', boundMs: 30000 }));
  out.push(imp('5 depth and size', 'android: a 100,000-line continuation', 'android', { 'init.rc': `service a /bin/a \\\n${'x \\\n'.repeat(100000)}\n` }, ['@/init.rc'], '', { expect: 'ok', boundMs: 10000 }));
  out.push(imp('5 depth and size', 'systemd: a 100,000-line unit with continuations', 'systemd',
    systemdFiles(SERVICE(`Environment=${'A=b \\\n'.repeat(100000)}\n`)), ['@/units'], '', { expect: 'ok', boundMs: 10000 }));
  out.push(imp('5 depth and size', 'systemd: 2,000 units in a chain of After=', 'systemd', {
    'units/default.target': `[Unit]\nWants=${Array.from({ length: 2000 }, (_, i) => `u${i}.service`).join(' ')}\n`,
    ...Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`units/u${i}.service`, `[Unit]\n${i > 0 ? `After=u${i - 1}.service\n` : ''}[Service]\nExecStart=/bin/u\n`])),
  }, ['@/units'], '', { expect: 'ok', boundMs: 60000 }));
  out.push(imp('5 depth and size', 'systemd-show: 5,000 units in a chain of After=', 'systemd-show', {
    'show.txt': Array.from({ length: 5000 }, (_, i) => `Id=u${i}.service\nLoadState=loaded\nRestart=always\nAfter=${i > 0 ? `u${i - 1}.service` : ''}\n`).join('\n'),
  }, ['@/show.txt'], '', { expect: 'ok', boundMs: 60000 }));
  // Storms through the new fields: many faults each carrying a `while:`, on_failure chains, operator actions.
  // A run may find an invariant broken (exit 1); what the storm must not do is hang, blow up or crash.
  const head = 'name: storm\nduration: 1min\nevent_budget: 5000000\ncomponents:\n';
  const storm = (name: string, text: string): HostileCase =>
    ({ group: '5 depth and size', name, files: { 's.yaml': head + text }, argv: ['run', '@/s.yaml'], names: '', expect: 'ok', exits: ['0', '1'], boundMs: 60000 });
  out.push(storm('a while: storm (200 conditional faults at 10/s each)', `  - { name: db, restart: { when: always, delay: 10ms } }\n  - { name: app, restart: { when: always, delay: 10ms } }\nfaults:\n${
    Array.from({ length: 200 }, (_, i) => `  - { rate: 10/s, ${i % 2 ? 'crash' : 'fail_start'}: app, while: { component: db, ${i % 3 ? 'state' : 'not'}: running } }\n`).join('')}`));
  out.push(storm('an on_failure storm (200 units activating each other)', `${Array.from({ length: 200 }, (_, i) => `  - { name: u${i}, restart: { when: on-failure, delay: 10ms }, on_failure: [u${(i + 1) % 200}] }\n`).join('')}faults:\n${
    Array.from({ length: 200 }, (_, i) => `  - { rate: 1/s, crash: u${i}, exit_code: 1 }\n`).join('')}`));
  out.push(storm('an operator storm (2,000 operator actions)', `  - { name: svc, restart: { when: on-failure, delay: 10ms }, start_limit: { burst: 3, interval: 1min } }\n  - { name: web, restart: { when: always, delay: 10ms }, part_of: [svc] }\nfaults:\n${
    Array.from({ length: 2000 }, (_, i) => `  - { at: ${(i * 25) / 1000}s, operator: svc, action: ${['start', 'stop', 'restart', 'reset-failed'][i % 4]} }\n`).join('')}`));
  return out;
}

function unsafeOutput(): HostileCase[] {
  const evil = '\x1b[2J\x1b]0;pwned\x07evil';
  const ok = { expect: 'ok' as const };
  return [
    imp('6 unsafe output', 'systemd: Wants= naming an escape sequence', 'systemd', systemdFiles(SERVICE(`Wants=${evil}.service\n`).replace('[Service]', '[Service]')), ['@/units', '--warnings'], '', ok),
    imp('6 unsafe output', 'systemd: a unit file name with an escape sequence', 'systemd', systemdFiles(SERVICE(), { [`units/${evil}.service`]: SERVICE('FailureAction=halt\n'), 'units/default.target': `${TARGET}Wants=${evil}.service\n` }), ['@/units', '--warnings'], '', ok),
    imp('6 unsafe output', 'systemd-show: Wants= naming an escape sequence', 'systemd-show', { 'show.txt': `Id=a.service\nLoadState=loaded\nWants=${evil}.service\nFailureAction=${evil}\n` }, ['@/show.txt', '--warnings'], '', ok),
    imp('6 unsafe output', 'fuchsia: a url with an escape sequence', 'fuchsia', { 'root.cml': `{ children: [ { name: "a", url: "${evil.replace(/\x1b/g, '\\u001b').replace(/\x07/g, '\\u0007')}", startup: "lazy" } ] }\n` }, ['@/root.cml', '--warnings'], '', ok),
    imp('6 unsafe output', 'android: an option with an escape sequence', 'android', { 'init.rc': `${RC}    ${evil}\n` }, ['@/init.rc', '--warnings'], '', ok),
    imp('6 unsafe output', 'android: a service name with an escape sequence', 'android', { 'init.rc': `service ${evil} /bin/x\n    oneshot\n    timeout_period 5\n` }, ['@/init.rc', '--warnings'], '', ok),
    imp('6 unsafe output', 'redox: depends naming an escape sequence', 'redox', { 'r.toml': `[[service]]\nname = "a"\ncommand = "a"\ndepends = ["${evil.replace(/\x1b/g, '\\u001b').replace(/\x07/g, '\\u0007')}"]\n` }, ['@/r.toml', '--warnings'], '', ok),
    imp('6 unsafe output', 'redox: a service name with a newline', 'redox', { 'r.toml': '[[service]]\nname = "a\\nb"\ncommand = "a"\n' }, ['@/r.toml', '--warnings', '--all'], '', ok),
    imp('6 unsafe output', '--name with an escape sequence', 'android', { 'init.rc': RC }, ['@/init.rc', '--name', evil], '', ok),
    imp('6 unsafe output', 'an input path with an escape sequence', 'android', { [`${evil}.rc`]: RC }, [`@/${evil}.rc`], '', ok),
  ];
}

function validInput(): HostileCase[] {
  const ok = { expect: 'ok' as const };
  return [
    imp('7 valid input', 'systemd: an absolute symlink to a unit elsewhere (as /etc/systemd/system has)', 'systemd', { ...systemdFiles(), 'lib/c.service': SERVICE() },
      ['@/units'], '', { ...ok, links: { 'units/c.service': '@/lib/c.service' }, files: { ...systemdFiles(), 'lib/c.service': SERVICE(), 'units/default.target': `${TARGET}Wants=c.service\n` } }),
    imp('7 valid input', 'systemd: an absolute symlink into a later folder', 'systemd', {}, ['@/etc', '@/lib'], '',
      { ...ok, files: { 'lib/default.target': TARGET, 'lib/a.service': SERVICE(), 'lib/b.service': SERVICE() }, links: { 'etc/a.service': '@/lib/a.service' } }),
    imp('7 valid input', 'systemd: an absolute alias symlink', 'systemd', {}, ['@/units'], '',
      { ...ok, files: systemdFiles(), links: { 'units/alias.service': '@/units/a.service', 'units/multi-user.target.wants/a.service': '@/units/a.service' } }),
    imp('7 valid input', 'systemd: an absolute symlink to a .wants folder', 'systemd', {}, ['@/units'], '',
      { ...ok, files: { ...systemdFiles(), 'elsewhere/c.service': SERVICE() }, links: { 'units/default.target.wants': '@/elsewhere' } }),
  ];
}

function wording(): HostileCase[] {
  const ex = SCENARIO.replace(/faults:[^]*$/, '');
  return [
    { group: '8 wording', name: 'explore --exhaustive --kinds nuke names --kinds', files: { 's.yaml': ex }, argv: ['explore', '@/s.yaml', '--exhaustive', '--kinds', 'nuke'], names: '--kinds', says: /^recsim: --kinds: unknown fault kind "nuke"/ },
    { group: '8 wording', name: 'compare --merge of a missing file names it once', files: {}, argv: ['compare', '--merge', '@/gone.json'], names: 'gone.json', says: /^recsim: @\/gone.json: no such shard file\n$/ },
    { group: '8 wording', name: 'explore --merge of a broken file names it', files: { 's.yaml': ex, 'p.json': '{' }, argv: ['explore', '@/s.yaml', '--exhaustive', '--merge', '@/p.json'], names: 'p.json' },
    { group: '8 wording', name: 'redox: a position after a blank line is not one line early', files: { 'r.toml': '\n\n[[service]]\n\nname = "a"\n\nrestart_behavior = "bogus"\n' }, argv: ['import', 'redox', '@/r.toml'], names: 'r.toml:7:', positioned: true },
    { group: '8 wording', name: 'redox: a second service\'s position after a blank line', files: { 'r.toml': '[[service]]\nname = "a"\n\n[[service]]\n\nname = "b"\n\ndepends = "a"\n' }, argv: ['import', 'redox', '@/r.toml'], names: 'r.toml:8:', positioned: true },
    { group: '8 wording', name: 'compare --trace-seeds bogus: refused before the table', files: { 's.yaml': SCENARIO }, argv: ['compare', '@/s.yaml', '--seeds', '1..2', '--workers', '0', '--traces', '@/t', '--trace-seeds', 'bogus'], names: '--trace-seeds', noStdout: true },
    { group: '8 wording', name: 'compare --trace-seeds too many: refused before the table', files: { 's.yaml': SCENARIO }, argv: ['compare', '@/s.yaml', '--seeds', '1..2', '--workers', '0', '--traces', '@/t', '--trace-seeds', '1..1000'], names: '--trace-seeds', noStdout: true },
    { group: '8 wording', name: 'an unknown option: one line', files: {}, argv: ['run', '--bogus'], names: '--bogus' },
    { group: '8 wording', name: 'a missing argument: one line', files: {}, argv: ['import'], names: 'format' },
    { group: '8 wording', name: 'an unknown command: one line', files: {}, argv: ['nuke'], names: 'nuke' },
    { group: '8 wording', name: 'an option missing its value: one line', files: {}, argv: ['import', 'android', 'x.rc', '--out'], names: '--out' },
    { group: '8 wording', name: 'systemd --target boot@.target: a template with no instance', files: systemdFiles(SERVICE(), { 'units/boot@.target': TARGET }), argv: ['import', 'systemd', '@/units', '--target', 'boot@.target'], names: '--target' },
    { group: '8 wording', name: 'systemd --target not a unit name', files: systemdFiles(), argv: ['import', 'systemd', '@/units', '--target', 'boot'], names: '--target' },
    { group: '8 wording', name: 'import: an unknown format, one line', files: {}, argv: ['import', 'windows', 'x'], names: 'windows' },
  ];
}

export function buildHostileCorpus(): HostileCase[] {
  return [...selfCheck(), ...fileSystem(), ...endless(), ...merges(), ...depthAndSize(), ...unsafeOutput(), ...validInput(), ...wording()];
}
