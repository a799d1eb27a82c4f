import { describe, expect, test } from 'vitest';
import { EventHeap } from '../../sim/engine/heap.js';

describe('EventHeap', () => {
  test('pops in time order', () => {
    const heap = new EventHeap<string>(2);
    for (const [t, v] of [[5, 'e'], [1, 'a'], [3, 'c'], [2, 'b'], [4, 'd']] as const) heap.push(t, v);
    const out: string[] = [];
    while (heap.size > 0) out.push(heap.pop()!);
    expect(out).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('breaks ties by insertion order (sequence number), never by sort stability', () => {
    const heap = new EventHeap<number>(4);
    for (let i = 0; i < 1000; i++) heap.push(i % 3, i);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop()!);
    const expected = [0, 1, 2].flatMap((t) => Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 3 === t));
    expect(out).toEqual(expected);
  });

  test('interleaved pushes and pops keep the order', () => {
    const heap = new EventHeap<string>();
    heap.push(10, 'x1');
    heap.push(10, 'x2');
    expect(heap.pop()).toBe('x1');
    heap.push(10, 'x3');
    heap.push(5, 'y');
    expect([heap.pop(), heap.pop(), heap.pop()]).toEqual(['y', 'x2', 'x3']);
    expect(heap.pop()).toBeUndefined();
    expect(heap.peekTime()).toBe(Infinity);
  });
});
