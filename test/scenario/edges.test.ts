import { describe, expect, test } from 'vitest';
import { bootSet, pulledInBy } from '../../sim/scenario/boot-set.js';
import { scenarioFrom } from '../helpers/scenario.js';

/** The ordering and requirement fields (sim/scenario/edges.ts) as a file writes them. */
describe('after / requires / wants / requisite / start', () => {
  const base = (components: string): string => `name: edges\nduration: 1min\ncomponents:\n${components}`;

  test('resolve keeps them only where written, so older scenarios resolve as before', () => {
    const s = scenarioFrom(base(`  - { name: a, after: [b], requires: [b], wants: [c], requisite: [c], start: on-demand }
  - { name: b }
  - { name: c, start: boot }
`));
    const [a, b, c] = s.components;
    expect(a).toMatchObject({ after: ['b'], requires: ['b'], wants: ['c'], requisite: ['c'], start: 'on-demand' });
    expect(Object.keys(b!).filter((k) => ['after', 'requires', 'wants', 'requisite', 'start'].includes(k))).toEqual([]);
    expect(c!.start).toBeUndefined();
  });

  test.each([
    ['an unknown name', '  - { name: a, after: [nope] }\n', 'inline.yaml:4:24 components[0].after[0]: unknown component "nope"'],
    ['itself', '  - { name: a, wants: [a] }\n', 'inline.yaml:4:24 components[0].wants[0]: "a" cannot name itself in `wants`'],
    ['a cycle of ordering', '  - { name: a, after: [b] }\n  - { name: b, after: [a] }\n', 'inline.yaml:4:23 components[0].after: ordering cycle: a -> b -> a'],
    ['a cycle through depends and after', '  - { name: a, depends: [b] }\n  - { name: b, after: [a] }\n', 'inline.yaml:4:25 components[0].depends: dependency cycle: a -> b -> a'],
  ])('%s is refused with one line', (_what, components, message) => {
    expect(() => scenarioFrom(base(components))).toThrow(message);
  });

  test('requirements without ordering are no cycle (systemd starts both at once)', () => {
    expect(() => scenarioFrom(base('  - { name: a, requires: [b] }\n  - { name: b, requires: [a] }\n'))).not.toThrow();
  });
});

describe('the boot set', () => {
  test('on-demand components start at boot only when a boot component pulls them in', () => {
    const s = scenarioFrom(`name: boot
duration: 1min
components:
  - { name: app, requires: [lib], wants: [extra], binds_to: [bound] }
  - { name: lib, start: on-demand }
  - { name: extra, start: on-demand, depends: [deep] }
  - { name: deep, start: on-demand }
  - { name: bound, start: on-demand }
  - { name: tool, start: on-demand, requires: [helper] }
  - { name: helper, start: on-demand }
  - { name: checked, start: on-demand }
  - { name: user, requisite: [checked], part_of: [checked] }
`);
    expect(Object.fromEntries(s.components.map((c, i) => [c.name, bootSet(s.components)[i]]))).toEqual({
      app: true, lib: true, extra: true, deep: true, bound: true, tool: false, helper: false, checked: false, user: true,
    });
    expect(pulledInBy(s.components[0]!)).toEqual(['lib', 'bound', 'extra']);
  });
});
