import { describe, expect, test } from 'vitest';
import { edgesByPosition, findCycle, findCycleAt, transitiveDependents } from '../../sim/scenario/graph.js';
import { parseScenario } from '../../sim/scenario/load.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { validateScenario } from '../../sim/scenario/validate.js';
import { simulate } from '../../sim/simulate.js';

/** A chain c0 <- c1 <- ... <- c(n-1), declared dependents first (the order that overflowed the recursive cycle search). */
function chain(n: number): string {
  const lines = ['name: chain', 'duration: 1s', 'components:'];
  for (let i = n - 1; i >= 0; i--) lines.push(i === 0 ? `  - { name: c0 }` : `  - { name: c${i}, depends: [c${i - 1}] }`);
  return `${lines.join('\n')}\n`;
}

describe('graph walks are iterative: a 100,000-long dependency chain', () => {
  test('has no cycle, and its dependents are found, without overflowing the stack', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => ({ name: `c${i}`, depends: i === 0 ? [] : [`c${i - 1}`] })).reverse();
    expect(findCycle(nodes)).toBeUndefined();
    expect(transitiveDependents(nodes, 'c0')).toHaveLength(99_999);
    nodes[nodes.length - 1] = { name: 'c0', depends: ['c99999'] };
    expect(findCycle(nodes)?.length).toBe(100_001);
  });

  test('the 6,500-long chain of issue 12 loads (it ended in "Maximum call stack size exceeded")', () => {
    expect(parseScenario(chain(6_500), 'chain.yaml').components).toHaveLength(6_500);
  }, 30_000);

  test('validates and runs (built in memory: parsing 10^5 lines of YAML takes the library some 20 s)', () => {
    const components = Array.from({ length: 100_000 }, (_, k) => {
      const i = 99_999 - k;
      return i === 0 ? { name: 'c0' } : { name: `c${i}`, depends: [`c${i - 1}`] };
    });
    const scenario = resolveScenario({ name: 'chain', duration: '1s', components });
    validateScenario(scenario);
    const trace = simulate(scenario, { maxRecordsInMemory: 0 });
    expect(trace.summary.outcome).toBe('completed');
    expect(trace.summary.finalStates.c0).toBe('running');
  }, 60_000);
});

describe('the cycle search by position', () => {
  test('a dependency that names no node cannot be on a cycle; the cycle found is named from where the search met it', () => {
    expect(findCycle([{ name: 'a', depends: ['ghost', 'b'] }, { name: 'b', depends: ['c'] }, { name: 'c', depends: ['b'] }])).toEqual(['b', 'c', 'b']);
    expect(findCycle([{ name: 'a', depends: ['ghost'] }])).toBeUndefined();
  });

  test('the graph by position: each dependency looked up once, -1 for a name that is no node; the search over it gives positions', () => {
    const nodes = [{ name: 'a', depends: ['ghost', 'b'] }, { name: 'b', depends: ['c'] }, { name: 'c', depends: ['b', 'a'] }];
    const edges = edgesByPosition(nodes, new Map([['a', 0], ['b', 1], ['c', 2]]));
    expect([...edges.first]).toEqual([0, 2, 3, 5]);
    expect([...edges.targets]).toEqual([-1, 1, 2, 1, 0]);
    expect(findCycleAt(edges.first, edges.targets)).toEqual([1, 2, 1]);
    expect(findCycleAt(new Int32Array([0, 1, 1]), new Int32Array([1]))).toBeUndefined();
  });

  test('two nodes of one name are one, with the last one\'s dependencies', () => {
    expect(findCycle([{ name: 'a', depends: [] }, { name: 'b', depends: ['a'] }, { name: 'a', depends: ['b'] }])).toEqual(['a', 'b', 'a']);
  });
});
