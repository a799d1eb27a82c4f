import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';

/**
 * The generated bad-input corpus (issue 12): every case is an input recsim
 * must refuse with exit 2 and one line naming the file, or a runaway input
 * it must end with exit 2 or 3 within a bound. Cases are data; the test runs
 * them in-process through the CLI's `main`.
 */
export interface CorpusCase {
  /** Group, for the exit-code table. */
  group: 'yaml' | 'types' | 'references' | 'durations' | 'names' | 'files' | 'traces' | 'mutations' | 'runaway';
  name: string;
  /** Files to write, relative to the case's folder: text, bytes, or a sparse file of `size` bytes. */
  files: Record<string, string | Buffer | { size: number }>;
  /** The command line; `@` is replaced by the case's folder. */
  argv: string[];
  /** The file the message must name (relative to the case's folder). */
  names: string;
  /** The problem is inside the file: the line must carry `line:col field.path:`. */
  positioned: boolean;
  /** Runaway inputs may also end with exit 3 (event budget exhausted). */
  mayExhaustBudget?: boolean;
  /** Slow cases (big inputs): at most this many milliseconds. */
  boundMs?: number;
}

const BASE = `name: corpus
duration: 1min
system:
  heartbeat_period: 3s
components:
  - { name: coremon, kind: monitor, call_check: { every: 1s, timeout: 50ms } }
  - name: redoxfs
    monitor: coremon
    depends: [disk]
    restart: { when: recovery, delay: 200ms }
    dirty_data: { write_rate: 2MB/s, flush_every: 5s }
  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 1ms } }
faults:
  - { at: 10s, hang: redoxfs }
expect:
  reboots: { graceful: 0 }
  violations: none
`;

const scenario = (name: string, text: string, group: CorpusCase['group'], positioned = true): CorpusCase =>
  ({ group, name, files: { 's.yaml': text }, argv: ['run', '@/s.yaml'], names: 's.yaml', positioned });

/** BASE with one line replaced (by its start) or lines appended. */
const replaceLine = (prefix: string, by: string): string => {
  const lines = BASE.split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`corpus: no line starts with ${prefix}`);
  lines[i] = by;
  return lines.join('\n');
};
const withComponent = (extra: string): string => BASE.replace('faults:\n', `${extra}\nfaults:\n`);
const withFault = (fault: string): string => BASE.replace('expect:\n', `  - ${fault}\nexpect:\n`);

function yamlSyntax(): CorpusCase[] {
  const texts: [string, string][] = [
    ['unclosed flow map', 'name: x\nduration: 1min\ncomponents:\n  - { name: a\n'],
    ['unclosed flow seq', 'name: x\nduration: 1min\ncomponents: [{ name: a }\n'],
    ['unclosed quote', 'name: "x\nduration: 1min\ncomponents: [{ name: a }]\n'],
    ['tab indentation', 'name: x\nduration: 1min\ncomponents:\n\t- { name: a }\n'],
    ['duplicate key', 'name: x\nname: y\nduration: 1min\ncomponents: [{ name: a }]\n'],
    ['two documents', 'name: x\nduration: 1min\ncomponents: [{ name: a }]\n---\nname: y\n'],
    ['bad indentation', 'name: x\n duration: 1min\ncomponents: [{ name: a }]\n'],
    ['unresolved alias', 'name: *nope\nduration: 1min\ncomponents: [{ name: a }]\n'],
    ['alias to nothing in a list', 'name: x\nduration: 1min\ncomponents: [*c]\n'],
    ['unknown tag', 'name: !!binary x\nduration: 1min\ncomponents: [{ name: a }]\n'],
    ['custom tag', 'name: !foo x\nduration: 1min\ncomponents: [{ name: a }]\n'],
    ['a scalar document', 'just a string\n'],
    ['a list document', '- name: x\n'],
    ['an empty document', ''],
    ['only a comment', '# nothing here\n'],
    ['null document', '~\n'],
    ['missing colon value mix', 'name: x\nduration 1min\ncomponents: [{ name: a }]\n'],
    ['stray closing bracket', 'name: x]\nduration: 1min\ncomponents: [{ name: a }]]\n'],
    ['JSON with a comment', '{"name": "x", "duration": "1min", // the run\n "components": [{"name": "a"}]}\n'],
    ['JSON unclosed', '{"name": "x", "duration": "1min", "components": [{"name": "a"}]\n'],
    ['directive without document', '%YAML 1.2\n'],
    ['merge key of a scalar', 'name: x\nduration: 1min\ncomponents:\n  - <<: 3\n    name: a\n'],
    ['anchor on a key then reuse as a map', 'name: &n x\nduration: 1min\ncomponents: [{ name: a, depends: *n }]\n'],
  ];
  return texts.map(([name, text]) => scenario(name, text, 'yaml'));
}

/** Wrong types, one field at a time, at every level of the format. */
function types(): CorpusCase[] {
  const wrong: [string, string, string][] = [
    ['name', 'name: corpus', 'name: [1, 2]'],
    ['description', 'name: corpus', 'name: corpus\ndescription: { a: 1 }'],
    ['duration as a number', 'duration: 1min', 'duration: 60'],
    ['duration as a map', 'duration: 1min', 'duration: { s: 60 }'],
    ['seed as a string', 'duration: 1min', 'duration: 1min\nseed: lots'],
    ['seed negative', 'duration: 1min', 'duration: 1min\nseed: -1'],
    ['seed fractional', 'duration: 1min', 'duration: 1min\nseed: 1.5'],
    ['event_budget zero', 'duration: 1min', 'duration: 1min\nevent_budget: 0'],
    ['event_budget string', 'duration: 1min', 'duration: 1min\nevent_budget: many'],
    ['system as a list', 'system:', 'system: [1]\nx_system:'],
    ['system.heartbeat_period number', '  heartbeat_period: 3s', '  heartbeat_period: 3'],
    ['system.shutdown_order unknown', '  heartbeat_period: 3s', '  shutdown_order: random'],
    ['system.reboot_on_terminate.enabled string', '  heartbeat_period: 3s', '  reboot_on_terminate: { enabled: sometimes }'],
    ['system.reboot_on_terminate.allowlist map', '  heartbeat_period: 3s', '  reboot_on_terminate: { allowlist: { a: 1 } }'],
    ['components as a map', 'components:', 'components: { a: 1 }\nx_components:'],
    ['components empty', 'components:', 'components: []\nx_components:'],
    ['depends as a string', '    depends: [disk]', '    depends: disk'],
    ['depends item a map', '    depends: [disk]', '    depends: [{ disk: 1 }]'],
    ['restart as a number', '    restart: { when: recovery, delay: 200ms }', '    restart: 3'],
    ['restart.when unknown', '    restart: { when: recovery, delay: 200ms }', '    restart: { when: sometimes }'],
    ['restart.max_restarts negative', '    restart: { when: recovery, delay: 200ms }', '    restart: { max_restarts: -1 }'],
    ['restart.jitter above 1', '    restart: { when: recovery, delay: 200ms }', '    restart: { jitter: 2 }'],
    ['dirty_data.write_rate not a rate', '    dirty_data: { write_rate: 2MB/s, flush_every: 5s }', '    dirty_data: { write_rate: fast, flush_every: 5s }'],
    ['dirty_data missing flush_every', '    dirty_data: { write_rate: 2MB/s, flush_every: 5s }', '    dirty_data: { write_rate: 2MB/s }'],
    ['requests.rate number', '  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 1ms } }', '  - { name: disk, kind: driver, requests: { rate: 10, service_time: 1ms } }'],
    ['requests.clients unknown', '  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 1ms } }', '  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 1ms, clients: net } }'],
    ['main_process_critical string', '    monitor: coremon', '    monitor: coremon\n    main_process_critical: yes please'],
    ['call_check as a string', '  - { name: coremon, kind: monitor, call_check: { every: 1s, timeout: 50ms } }', '  - { name: coremon, kind: monitor, call_check: often }'],
    ['faults as a map', 'faults:', 'faults: { a: 1 }\nx_faults:'],
    ['fault as a string', '  - { at: 10s, hang: redoxfs }', '  - hang redoxfs'],
    ['fault at a number', '  - { at: 10s, hang: redoxfs }', '  - { at: 10, hang: redoxfs }'],
    ['fault times zero', '  - { at: 10s, hang: redoxfs }', '  - { when: boot-completed, times: 0, crash: redoxfs }'],
    ['fault when unknown record', '  - { at: 10s, hang: redoxfs }', '  - { when: lunch, crash: redoxfs }'],
    ['fault exit_code string', '  - { at: 10s, hang: redoxfs }', '  - { at: 10s, crash: redoxfs, exit_code: bad }'],
    ['expect as a list', 'expect:', 'expect: [1]\nx_expect:'],
    ['expect.reboots.graceful string', '  reboots: { graceful: 0 }', '  reboots: { graceful: none }'],
    ['expect.restarts negative', '  reboots: { graceful: 0 }', '  restarts: -1'],
    ['expect.final_states unknown state', '  reboots: { graceful: 0 }', '  final_states: { disk: sleeping }'],
    ['expect.violations number', '  violations: none', '  violations: 0'],
    ['expect.outcome unknown', '  violations: none', '  outcome: fine'],
    ['expect.records item string', '  violations: none', '  records: [restart]'],
    ['expect.records unknown type', '  violations: none', '  records: [{ type: nap }]'],
    ['expect.lost_data_bytes negative', '  violations: none', '  lost_data_bytes: -5'],
  ];
  const inline: [string, string, string][] = [
    ['component as a string', '  - { name: coremon, kind: monitor, call_check: { every: 1s, timeout: 50ms } }', '  - coremon'],
    ['component name number', '{ name: disk,', '{ name: 42,'],
    ['component name empty', '{ name: disk,', '{ name: "",'],
    ['component kind number', 'kind: driver', 'kind: 7'],
  ];
  return [
    ...wrong.map(([name, prefix, by]) => scenario(name, replaceLine(prefix, by).replace(/\nx_\w+:\n(  .*\n)*/g, '\n'), 'types')),
    ...inline.map(([name, from, to]) => scenario(name, BASE.replace(from, to), 'types')),
  ];
}

function references(): CorpusCase[] {
  return [
    scenario('unknown dependency', replaceLine('    depends: [disk]', '    depends: [disk, nvme]'), 'references'),
    scenario('unknown monitor', replaceLine('    monitor: coremon', '    monitor: ghost'), 'references'),
    scenario('monitor that is not a monitor', replaceLine('    monitor: coremon', '    monitor: disk'), 'references'),
    scenario('duplicate component', withComponent('  - { name: disk }'), 'references'),
    scenario('self dependency', replaceLine('    depends: [disk]', '    depends: [redoxfs]'), 'references'),
    scenario('dependency cycle', replaceLine('  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 1ms } }', '  - { name: disk, kind: driver, depends: [redoxfs] }'), 'references'),
    scenario('fault on unknown component', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { at: 10s, hang: ghost }'), 'references'),
    scenario('trigger on unknown component', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { when: { record: restart, component: ghost }, crash: disk }'), 'references'),
    scenario('final state of unknown component', replaceLine('  reboots: { graceful: 0 }', '  final_states: { ghost: running }'), 'references'),
    scenario('restarts of unknown component', replaceLine('  reboots: { graceful: 0 }', '  restarts: { ghost: 1 }'), 'references'),
    scenario('expected record of unknown component', replaceLine('  violations: none', '  records: [{ type: restart, component: ghost }]'), 'references'),
    scenario('unknown invariant in expect.violations', replaceLine('  violations: none', '  violations: [no-such-invariant]'), 'references'),
    scenario('override binds_to unknown component', withFault('{ at: 20s, override: disk, binds_to: [ghost] }'), 'references'),
    scenario('override part_of unknown component', withFault('{ at: 20s, override: disk, part_of: [ghost] }'), 'references'),
    scenario('override binds_to itself', withFault('{ at: 20s, override: disk, binds_to: [disk] }'), 'references'),
    scenario('supervises unknown', withComponent('  - { name: sup, kind: supervisor, supervises: [ghost] }'), 'references'),
    scenario('collection parent unknown', withComponent('  - { name: kid, collection: { parent: ghost, durability: transient } }'), 'references'),
    scenario('monitors that monitor each other', withComponent('  - { name: m1, kind: monitor, monitor: m2 }\n  - { name: m2, kind: monitor, monitor: m1 }'), 'references'),
    scenario('__proto__ in final_states', replaceLine('  reboots: { graceful: 0 }', '  final_states: { __proto__: running }'), 'references'),
    scenario('constructor in final_states', replaceLine('  reboots: { graceful: 0 }', '  final_states: { constructor: running }'), 'references'),
    scenario('__proto__ in restarts', replaceLine('  reboots: { graceful: 0 }', '  restarts: { __proto__: 1 }'), 'references'),
    scenario('__proto__ as a component field', replaceLine('    monitor: coremon', '    monitor: coremon\n    __proto__: { x: 1 }'), 'references'),
    scenario('exit_code with signal', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { at: 10s, crash: redoxfs, exit_code: 3, signal: kill }'), 'references'),
    scenario('exit_code on hang', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { at: 10s, hang: redoxfs, exit_code: 3 }'), 'references'),
    scenario('rate fault from after until', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { rate: 6/h, from: 30s, until: 10s, crash: redoxfs }'), 'references'),
    scenario('rate fault from after the end', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { rate: 6/h, from: 2min, crash: redoxfs }'), 'references'),
    scenario('fault at after the end', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { at: 2min, hang: redoxfs }'), 'references'),
    scenario('two triggers on one fault', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { at: 10s, rate: 6/h, hang: redoxfs }'), 'references'),
  ];
}

function durations(): CorpusCase[] {
  const bad: [string, string, string][] = [
    ['duration without unit', 'duration: 1min', 'duration: "60"'],
    ['duration unknown unit', 'duration: 1min', 'duration: 1fortnight'],
    ['duration negative', 'duration: 1min', 'duration: -1min'],
    ['duration zero', 'duration: 1min', 'duration: 0s'],
    ['duration rounds to zero', 'duration: 1min', 'duration: 0.4us'],
    ['duration huge', 'duration: 1min', 'duration: 99999999999999999999d'],
    ['duration with exponent', 'duration: 1min', 'duration: 1e3s'],
    ['heartbeat rounds to zero', '  heartbeat_period: 3s', '  heartbeat_period: 0.4us'],
    ['flush_every zero', '    dirty_data: { write_rate: 2MB/s, flush_every: 5s }', '    dirty_data: { write_rate: 2MB/s, flush_every: 0s }'],
    ['call_check every zero', '  - { name: coremon, kind: monitor, call_check: { every: 1s, timeout: 50ms } }', '  - { name: coremon, kind: monitor, call_check: { every: 0s } }'],
    ['request rate zero', '  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 1ms } }', '  - { name: disk, kind: driver, requests: { rate: 0/s, service_time: 1ms } }'],
    ['request service_time zero', '  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 1ms } }', '  - { name: disk, kind: driver, requests: { rate: 10/s, service_time: 0ms } }'],
    ['restart delay word', '    restart: { when: recovery, delay: 200ms }', '    restart: { when: recovery, delay: soon }'],
    ['fault at negative', '  - { at: 10s, hang: redoxfs }', '  - { at: -10s, hang: redoxfs }'],
    ['fault rate zero', '  - { at: 10s, hang: redoxfs }', '  - { rate: 0/h, crash: redoxfs }'],
    ['heal after the end', 'duration: 1min', 'duration: 1min\nheal: 2min'],
    ['stop_timeout words', '  heartbeat_period: 3s', '  stop_timeout: a while'],
  ];
  return bad.map(([name, prefix, by]) => scenario(name, replaceLine(prefix, by), 'durations'));
}

function names(): CorpusCase[] {
  return [
    scenario('escape sequence in an unknown dependency', replaceLine('    depends: [disk]', '    depends: ["\\e[2J\\e[H"]'), 'names'),
    scenario('newline in an unknown dependency', replaceLine('    depends: [disk]', '    depends: ["a\\nb"]'), 'names'),
    scenario('NUL in an unknown monitor', replaceLine('    monitor: coremon', '    monitor: "x\\0y"'), 'names'),
    scenario('escape in an unknown field', replaceLine('    monitor: coremon', '    monitor: coremon\n    "\\e[31mred": 1'), 'names'),
    scenario('escape in a duration', replaceLine('duration: 1min', 'duration: "\\e[2J1min"'), 'names'),
    scenario('bell in a kind', BASE.replace('kind: driver', 'kind: "\\a"'), 'names'),
    scenario('escape in a fault target', replaceLine('  - { at: 10s, hang: redoxfs }', '  - { at: 10s, hang: "\\e]0;title\\a" }'), 'names'),
    scenario('C1 control in a name', replaceLine('    depends: [disk]', '    depends: ["\\x9b2J"]'), 'names'),
    scenario('raw ESC byte in YAML', replaceLine('    depends: [disk]', '    depends: [\x1b[2Jdisk]'), 'names'),
  ];
}

function files(): CorpusCase[] {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE, 'utf16le')]);
  const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(BASE, 'utf16le').swap16()]);
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
  const latin1 = Buffer.from(BASE.replace('name: corpus', 'name: caf\xe9'), 'latin1');
  const f = (name: string, files: CorpusCase['files'], argv: string[], names: string, boundMs?: number): CorpusCase =>
    ({ group: 'files', name, files, argv, names, positioned: false, boundMs });
  return [
    f('no such scenario', {}, ['run', '@/missing.yaml'], 'missing.yaml'),
    f('scenario is a directory', { 'dir/keep': '' }, ['run', '@/dir'], 'dir'),
    f('UTF-16 LE scenario', { 's.yaml': utf16 }, ['run', '@/s.yaml'], 's.yaml'),
    f('UTF-16 BE scenario', { 's.yaml': utf16be }, ['run', '@/s.yaml'], 's.yaml'),
    f('binary scenario', { 's.yaml': binary }, ['run', '@/s.yaml'], 's.yaml'),
    f('Latin-1 scenario', { 's.yaml': latin1 }, ['run', '@/s.yaml'], 's.yaml'),
    f('oversized scenario (sparse, 1 GB)', { 'big.yaml': { size: 1_000_000_000 } }, ['run', '@/big.yaml'], 'big.yaml', 2000),
    f('oversized trace (sparse, 1 GB)', { 'big.json': { size: 1_000_000_000 } }, ['export', '@/big.json', '--format', 'chrome'], 'big.json', 2000),
    f('--out is a directory', { 's.yaml': BASE, 'outdir/keep': '' }, ['run', '@/s.yaml', '--out', '@/outdir'], 'outdir'),
    f('--out under a file', { 's.yaml': BASE, 'afile': 'x' }, ['run', '@/s.yaml', '--out', '@/afile/trace.json'], 'afile'),
    f('--html is a directory', { 's.yaml': BASE, 'outdir/keep': '' }, ['run', '@/s.yaml', '--html', '@/outdir'], 'outdir'),
    f('compare: missing scenario', {}, ['compare', '@/missing.yaml'], 'missing.yaml'),
    f('explore: missing scenario', {}, ['explore', '@/missing.yaml'], 'missing.yaml'),
    f('export: missing trace', {}, ['export', '@/missing.json', '--format', 'chrome'], 'missing.json'),
    f('export: UTF-16 trace', { 't.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format":"recsim-trace"}', 'utf16le')]) }, ['export', '@/t.json', '--format', 'chrome'], 't.json'),
    f('export: binary trace', { 't.json': binary }, ['export', '@/t.json', '--format', 'chrome'], 't.json'),
  ];
}

const GOOD_TRACE = {
  format: 'recsim-trace', version: 1, seed: 1, scenario: {},
  records: [
    { t: 0, seq: 0, type: 'run-started', seed: 1 },
    { t: 10, seq: 1, type: 'state', component: 'a', from: 'stopped', to: 'starting' },
    { t: 20, seq: 2, type: 'run-ended', outcome: 'completed' },
  ],
  summary: { scenario: 'x', seed: 1, outcome: 'completed', endUs: 20, events: 3, records: 3, reboots: { graceful: 0, ungraceful: 0 },
    restarts: { total: 0, byComponent: {} }, lostRequests: 0, lostDataBytes: 0, availability: 0, up: 0, finalStates: {}, violations: [], expectations: [] },
};

function traces(): CorpusCase[] {
  const withRecord = (patch: (records: unknown[]) => void): string => {
    const copy = JSON.parse(JSON.stringify(GOOD_TRACE)) as { records: unknown[] };
    patch(copy.records);
    return JSON.stringify(copy);
  };
  const bad: [string, string][] = [
    ['not JSON', '{ nope'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['wrong format', JSON.stringify({ ...GOOD_TRACE, format: 'other' })],
    ['wrong version', JSON.stringify({ ...GOOD_TRACE, version: 2 })],
    ['records not an array', JSON.stringify({ ...GOOD_TRACE, records: {} })],
    ['a null record', withRecord((r) => r.splice(1, 0, null))],
    ['a string record', withRecord((r) => r.splice(1, 0, 'state'))],
    ['numeric component', withRecord((r) => ((r[1] as Record<string, unknown>).component = 7))],
    ['t is a word', withRecord((r) => ((r[1] as Record<string, unknown>).t = 'soon'))],
    ['t negative', withRecord((r) => ((r[1] as Record<string, unknown>).t = -5))],
    ['t overflows to Infinity', JSON.stringify(GOOD_TRACE).replace('"t":10', '"t":1e999')],
    ['t fractional', withRecord((r) => ((r[1] as Record<string, unknown>).t = 1.5))],
    ['t missing', withRecord((r) => delete (r[1] as Record<string, unknown>).t)],
    ['seq a string', withRecord((r) => ((r[1] as Record<string, unknown>).seq = 'one'))],
    ['type unknown', withRecord((r) => ((r[1] as Record<string, unknown>).type = 'nap'))],
    ['type missing', withRecord((r) => delete (r[1] as Record<string, unknown>).type)],
    ['escape in type', withRecord((r) => ((r[1] as Record<string, unknown>).type = '\x1b[2J'))],
    ['cause a string', withRecord((r) => ((r[1] as Record<string, unknown>).cause = 'fault'))],
  ];
  const cases: CorpusCase[] = [];
  for (const [name, text] of bad) {
    cases.push({ group: 'traces', name: `export: ${name}`, files: { 't.json': text }, argv: ['export', '@/t.json', '--format', 'chrome'], names: 't.json', positioned: false });
  }
  cases.push({ group: 'traces', name: 'view: t is a word', files: { 't.json': bad[9]![1] }, argv: ['view', '@/t.json', '--no-open', '--port', '0'], names: 't.json', positioned: false });
  cases.push({ group: 'traces', name: 'view: second trace is a null record', files: { 'a.json': JSON.stringify(GOOD_TRACE), 't.json': bad[6]![1] }, argv: ['view', '@/a.json', '@/t.json', '--no-open', '--port', '0'], names: 't.json', positioned: false });
  return cases;
}

function runaway(): CorpusCase[] {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const deep = `name: x\nduration: 1min\ncomponents: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
  return [
    { ...scenario('billion laughs', `${bomb.join('\n')}\nname: x\nduration: 1min\ncomponents: [{ name: a }]\n`, 'runaway'), boundMs: 3000 },
    { ...scenario('20,000 nested lists', deep, 'runaway'), boundMs: 5000 },
    { ...scenario('restart loop at one instant', `name: loop\nduration: 1min\nevent_budget: 20000\ncomponents:\n  - { name: a, restart: { when: always } }\nfaults:\n  - { at: 1s, crash: a }\n  - { when: { record: restart, component: a }, crash: a, times: 1000000 }\n`, 'runaway'), mayExhaustBudget: true, boundMs: 5000 },
  ];
}

/** Collects every scenario file bundled with recsim. */
export function bundledScenarios(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.yaml')) out.push(path);
    }
  };
  walk(join(root, 'scenarios'));
  return out;
}

/** Five mutations of every bundled scenario, each of which makes it bad input. */
function mutations(root: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const path of bundledScenarios(root)) {
    const text = readFileSync(path, 'utf8');
    const rel = relative(root, path);
    const doc = parseDocument(text);
    const mutate = (what: string, edit: (d: typeof doc) => void): void => {
      const copy = doc.clone();
      edit(copy);
      cases.push({ group: 'mutations', name: `${rel}: ${what}`, files: { 's.yaml': copy.toString() }, argv: ['run', '@/s.yaml'], names: 's.yaml', positioned: true });
    };
    mutate('unknown top-level field', (d) => d.set('colour', 'blue'));
    mutate('duration "soon"', (d) => d.set('duration', 'soon'));
    mutate('first component without a name', (d) => d.deleteIn(['components', 0, 'name']));
    mutate('first component depends on a missing one', (d) => d.setIn(['components', 0, 'depends'], d.createNode(['\x1b[2Jghost'])));
    mutate('a leaf replaced by a map', (d) => {
      const leaves: (string | number)[][] = [];
      const walk = (node: unknown, at: (string | number)[]): void => {
        if (isMap(node)) for (const p of node.items) { if (isPair(p) && isScalar(p.key)) walk(p.value, [...at, String(p.key.value)]); }
        else if (isSeq(node)) node.items.forEach((n, i) => walk(n, [...at, i]));
        else if (isScalar(node as YamlNode)) leaves.push(at);
      };
      walk(d.contents, []);
      // Skip free-text fields and record patterns' extra fields (strings, numbers and booleans all fit there).
      const eligible = leaves.filter((p) => !['description', 'name'].includes(String(p[0])) && !p.includes('source') && !(p[1] === 'records' || p[1] === 'absent'));
      const pick = eligible[(rel.length * 7) % eligible.length]!;
      d.setIn(pick, d.createNode({ bogus: [1] }));
    });
  }
  return cases;
}

export function buildCorpus(root: string): CorpusCase[] {
  return [...yamlSyntax(), ...types(), ...references(), ...durations(), ...names(), ...files(), ...traces(), ...runaway(), ...mutations(root)];
}
