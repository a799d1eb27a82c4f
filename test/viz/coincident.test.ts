import { describe, expect, it } from 'vitest';
import { groupMarks, topVisibleMember, visibleCount } from '../../viz/src/layout/coincident.js';
import { markAt } from '../../viz/src/layout/hit-test.js';
import type { Lane } from '../../viz/src/layout/model.js';
import { TraceBuilder } from '../helpers/trace-builder.js';

// The story of one crash, all at one microsecond, as the simulator writes it.
const b = new TraceBuilder();
b.at(30);
const fault = b.add({ type: 'fault', component: 'netstack', fault: 'crash', source: 'scripted', exitCode: 1 });
const terminated = b.add({ type: 'terminated', component: 'netstack', termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: fault });
b.add({ type: 'state', component: 'netstack', from: 'running', to: 'stopped', cause: terminated });
const detected = b.add({ type: 'detected', component: 'netstack', by: 'cm', how: 'exit', cause: terminated });
const decision = b.add({ type: 'decision', component: 'netstack', by: 'cm', action: 'reboot', reason: 'critical', cause: detected });
const lost = b.add({ type: 'requests-lost', component: 'netstack', count: 3, cause: terminated });
b.at(31);
const restart = b.add({ type: 'restart', component: 'netstack', attempt: 1, cause: decision });
const marks = groupMarks(b.records);

describe('coincident records', () => {
  it('share one mark per instant, members in causal order, the state change not among them', () => {
    expect(marks.map((m) => [m.t, m.members.map((x) => x.seq)])).toEqual([
      [30, [fault, terminated, detected, decision, lost]],
      [31, [restart]],
    ]);
  });

  it('are drawn as their most important record: the fault', () => {
    expect(marks[0]).toMatchObject({ seq: fault, kind: 'fault', type: 'fault' });
    expect(marks[1]).toMatchObject({ seq: restart, kind: 'restart' });
  });

  it('show the most important record still visible when the filter hides some', () => {
    const noFaults = (m: { type: string }): boolean => m.type !== 'fault';
    expect(topVisibleMember(marks[0]!, noFaults)?.seq).toBe(detected);
    expect(visibleCount(marks[0]!, noFaults)).toBe(4);
    expect(topVisibleMember(marks[1]!, (m) => m.type !== 'restart')).toBeUndefined();
  });

  it('are found again from any member\'s instant', () => {
    const lane = { marks } as unknown as Lane;
    expect(markAt(lane, 30)?.members).toHaveLength(5);
    expect(markAt(lane, 30.5)).toBeUndefined();
  });
});
