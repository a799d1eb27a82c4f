import { describe, expect, test } from 'vitest';
import { DependencyClosure } from '../../sim/model/dependency-closure.js';

describe('what each component depends on, directly or through others', () => {
  // 0 <- 1 <- 2, 3 depends on 2 and 0, 4 depends on nothing, 5 on 3 and 1 (a diamond over 0..3).
  const dependsOn = [[], [0], [1], [2, 0], [], [3, 1]];

  test('breadth first from its own dependencies, each once, itself never', () => {
    const closure = new DependencyClosure(dependsOn);
    expect(closure.of(0)).toEqual([]);
    expect(closure.of(2)).toEqual([1, 0]);
    expect(closure.of(3)).toEqual([2, 0, 1]);
    expect(closure.of(4)).toEqual([]);
    expect(closure.of(5)).toEqual([3, 1, 2, 0]);
  });

  test('computed once: asked again, the same frozen list', () => {
    const closure = new DependencyClosure(dependsOn);
    const first = closure.of(5);
    expect(closure.of(5)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as number[]).push(9)).toThrow();
  });
});
