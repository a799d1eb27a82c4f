import { describe, expect, test } from 'vitest';
import { runYaml } from '../helpers/scenario.js';

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
