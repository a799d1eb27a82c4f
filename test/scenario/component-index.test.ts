import { describe, expect, test } from 'vitest';
import { bootSet } from '../../sim/scenario/boot-set.js';
import { componentIndex } from '../../sim/scenario/component-index.js';
import { buildTopology } from '../../sim/model/topology.js';
import { scenarioFrom } from '../helpers/scenario.js';

const yaml = `
name: shared index
duration: 1min
components:
  - { name: mon, kind: monitor }
  - { name: a, monitor: mon }
  - { name: b, depends: [a], start: on-demand }
  - { name: c, depends: [a] }
`;

describe('one name index and one boot set per scenario', () => {
  test('positions by name; the first of two components with one name keeps its position', () => {
    const index = componentIndex([{ name: 'x' }, { name: 'y' }, { name: 'x' }]);
    expect([...index]).toEqual([['x', 0], ['y', 1]]);
    // Each name in the order it first appears, at its first position, however often it comes back.
    expect([...componentIndex([{ name: 'a' }, { name: 'b' }, { name: 'a' }, { name: 'c' }, { name: 'b' }, { name: 'a' }])]).toEqual([['a', 0], ['b', 1], ['c', 3]]);
  });

  test('built once per components array: the topology and the invariants share what the checks at load built', () => {
    const s = scenarioFrom(yaml);
    const topo = buildTopology(s);
    expect(topo.index).toBe(componentIndex(s.components));
    expect(topo.atBoot).toBe(bootSet(s.components));
    expect(topo.atBoot).toEqual([true, true, false, true]);
    // A changed scenario is a new array, with its own index.
    const renamed = s.components.map((c) => (c.name === 'c' ? { ...c, name: 'd' } : c));
    expect(componentIndex(renamed).get('d')).toBe(3);
    expect(componentIndex(renamed).has('c')).toBe(false);
  });

  test("a component without edges of a kind shares the topology's empty list, which nothing can push onto", () => {
    const topo = buildTopology(scenarioFrom(yaml));
    expect(topo.dependents[0]).toBe(topo.dependents[3]);
    expect(topo.dependents[0]).toEqual([]);
    expect(topo.dependents[1]).toEqual([2, 3]);
    expect(topo.childrenOf[0]).toEqual([1]);
    expect(() => (topo.dependents[0] as number[]).push(1)).toThrow(TypeError);
  });
});
