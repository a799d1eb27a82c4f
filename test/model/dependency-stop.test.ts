import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

/**
 * R4, "when a dependency stops its dependents stop ... This is the Redox
 * monitors' default behaviour": which default applies is the dependent's
 * supervisor's; `system.on_dependency_stop` overrides it for everyone.
 */
const stack = (monitorKind: string | undefined, system = '') => `
name: who stops with the filesystem
duration: 10s
${system}
components:
${monitorKind === undefined ? '' : `  - { name: mon, kind: ${monitorKind} }\n`}  - { name: fs, restart: { when: on-failure, delay: 1s } }
  - { name: app, depends: [fs]${monitorKind === undefined ? '' : ', monitor: mon'} }
faults:
  - { at: 2s, crash: fs, exit_code: 1 }
`;

const appStops = (yaml: string): boolean => runYaml(yaml).records.some((r) => r.type === 'stop-requested' && r.component === 'app' && r.reason === 'dependency');

describe('which components stop with a dependency (R4)', () => {
  test('under a Redox service monitor (kind monitor): yes, and it comes back with the dependency', () => {
    const trace = runYaml(stack('monitor'));
    expect(appStops(stack('monitor'))).toBe(true);
    expect(trace.summary.restarts.byComponent['app']).toBe(1);
    expect(trace.summary.finalStates['app']).toBe('running');
  });
  test('under init, a supervisor or the component manager: no', () => {
    expect(appStops(stack(undefined))).toBe(false);
    expect(appStops(stack('supervisor'))).toBe(false);
    expect(appStops(stack('component-manager'))).toBe(false);
  });
  test('on_dependency_stop, when written, decides for everyone', () => {
    expect(appStops(stack(undefined, 'system: { on_dependency_stop: stop-dependents }'))).toBe(true);
    expect(appStops(stack('monitor', 'system: { on_dependency_stop: keep-dependents }'))).toBe(false);
  });
});

describe('what stops with a dependency stops dependents first (R4 with R5\'s order)', () => {
  const chain = (extraFault = '') => `
name: a chain under a Redox monitor
duration: 10s
components:
  - { name: mon, kind: monitor }
  - { name: disk, kind: driver, monitor: mon, restart: { when: on-failure, delay: 1s } }
  - { name: fs, monitor: mon, depends: [disk], stop_latency: 100ms }
  - { name: app, monitor: mon, depends: [fs], stop_latency: 200ms }
faults:
  - { at: 2s, crash: disk, exit_code: 1 }
${extraFault}
`;
  test('the app is asked first; the filesystem once the app has ended; both come back after the disk', () => {
    const trace = runYaml(chain());
    expect(story(trace, ['stop-requested', 'terminated']).filter((l) => l.startsWith('2.'))).toEqual([
      '2.000s terminated disk exit 1',
      '2.000s stop-requested app dependency',
      '2.200s terminated app exit 0',
      '2.200s stop-requested fs dependency',
      '2.300s terminated fs exit 0',
    ]);
    expect(trace.summary.finalStates).toMatchObject({ disk: 'running', fs: 'running', app: 'running' });
  });
  test('a member that ends on its own before its turn still lets the group go on', () => {
    const trace = runYaml(chain('  - { at: 2.1s, crash: app, exit_code: 1 }'));
    expect(story(trace, ['stop-requested', 'terminated']).filter((l) => l.startsWith('2.'))).toEqual([
      '2.000s terminated disk exit 1',
      '2.000s stop-requested app dependency',
      '2.100s terminated app exit 1',
      '2.100s stop-requested fs dependency',
      '2.200s terminated fs exit 0',
    ]);
  });
});
