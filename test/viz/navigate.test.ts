import { describe, expect, it } from 'vitest';
import { groupMarks } from '../../viz/src/layout/coincident.js';
import type { Lane, Row } from '../../viz/src/layout/model.js';
import { firstInWindow, nearestInLane, stepInLane } from '../../viz/src/layout/navigate.js';
import { TraceBuilder } from '../helpers/trace-builder.js';

// A crash at 10 (fault, terminated, decision at one instant), a state change, a restart at 20.
const b = new TraceBuilder();
b.at(10);
const fault = b.add({ type: 'fault', component: 'a', fault: 'crash', source: 'scripted' });
const term = b.add({ type: 'terminated', component: 'a', termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: fault });
const state = b.add({ type: 'state', component: 'a', from: 'running', to: 'stopped', cause: term });
const decision = b.add({ type: 'decision', component: 'a', by: 'm', action: 'restart', reason: 'r', cause: term });
b.at(20);
const restart = b.add({ type: 'restart', component: 'a', attempt: 1, cause: decision });
const lane = { traceIndex: 0, kind: 'component', marks: groupMarks(b.records) } as unknown as Lane;
const all = (): boolean => true;

describe('keyboard navigation', () => {
  it('steps through every record of an instant before moving on in time', () => {
    expect(stepInLane(lane, fault, 10, 1, all)).toBe(term);
    expect(stepInLane(lane, term, 10, 1, all)).toBe(decision);
    expect(stepInLane(lane, decision, 10, 1, all)).toBe(restart);
    expect(stepInLane(lane, restart, 20, 1, all)).toBeUndefined();
    expect(stepInLane(lane, restart, 20, -1, all)).toBe(decision);
    expect(stepInLane(lane, fault, 10, -1, all)).toBeUndefined();
  });

  it('steps from a record without a mark to the marks around it', () => {
    expect(stepInLane(lane, state, 15, 1, all)).toBe(restart);
    expect(stepInLane(lane, state, 15, -1, all)).toBe(decision);
  });

  it('skips what the filter hides', () => {
    const noTerminated = (m: { type: string }): boolean => m.type !== 'terminated';
    expect(stepInLane(lane, fault, 10, 1, noTerminated)).toBe(decision);
  });

  it('lands on the nearest mark of another lane, and starts at the first mark in the window', () => {
    expect(nearestInLane(lane, 17, all)).toBe(restart);
    expect(nearestInLane(lane, 12, all)).toBe(fault);
    const rows: Row[] = [{ kind: 'group', label: 'x' }, { kind: 'lane', lane, laneIndex: 0 }];
    expect(firstInWindow(rows, 11, 30, all)).toEqual({ traceIndex: 0, seq: restart });
  });
});
