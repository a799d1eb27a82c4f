import { describe, expect, test } from 'vitest';
import { buildTopology } from '../../sim/model/topology.js';
import { scenarioFrom } from '../helpers/scenario.js';

/** R4: what starts together starts dependencies (and monitors) first, otherwise in declaration order. */
describe('the start order (startRank)', () => {
  test('a dependent declared before what it needs still ranks after it', () => {
    const topo = buildTopology(scenarioFrom(`
name: order
duration: 1s
components:
  - { name: mon, kind: monitor }
  - { name: app, depends: [fs], monitor: mon }
  - { name: fs, depends: [disk], monitor: mon }
  - { name: disk, monitor: mon }
  - { name: other }
`));
    const byRank = topo.specs.map((s, i) => [topo.startRank[i]!, s.name] as const).sort((a, b) => a[0] - b[0]).map(([, name]) => name);
    expect(byRank).toEqual(['mon', 'disk', 'fs', 'app', 'other']);
  });

  test('a chain of 100,000 is ranked without running out of stack', () => {
    // Built past the loader (whose cycle check recurses): c0 needs c1, which needs c2, ...
    const one = scenarioFrom('name: chain\nduration: 1s\ncomponents:\n  - { name: c }\n');
    const n = 100_000;
    const components = Array.from({ length: n }, (_, i) => ({ ...one.components[0]!, name: `c${i}`, depends: i + 1 < n ? [`c${i + 1}`] : [] }));
    const topo = buildTopology({ ...one, components });
    expect(topo.startRank[99_999]).toBe(0);
    expect(topo.startRank[0]).toBe(99_999);
  });
});
