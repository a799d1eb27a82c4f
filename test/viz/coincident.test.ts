import { describe, expect, it } from 'vitest';
import { groupMarks, rankOf, topVisibleMember, visibleCount } from '../../viz/src/layout/coincident.js';
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

describe('a violation among coincident records', () => {
  // shutdown-unchecked as explore found it: at one instant the termination, the decision, the second
  // reboot request and the two violations it causes, all on the lane of the component that asked.
  const v = new TraceBuilder();
  v.at(63);
  const term = v.add({ type: 'terminated', component: 'netstack', termination: { kind: 'exit', exitCode: 0 }, graceful: false });
  const decided = v.add({ type: 'decision', component: 'netstack', by: 'cm', action: 'reboot', reason: 'on_terminate', cause: term });
  const request = v.add({ type: 'reboot-requested', component: 'netstack', by: 'component_manager', mode: 'graceful', reason: 'critical-component-failure', cause: decided });
  const violation = v.add({ type: 'violation', invariant: 'no-reboot-during-shutdown', message: 'reboot requested while shutting down', record: request, cause: request });
  const [mark] = groupMarks(v.records);

  it('is the mark drawn and picked, above the decision and the reboot request', () => {
    expect(mark!.members).toHaveLength(4);
    expect(mark).toMatchObject({ seq: violation, kind: 'violation' });
    expect(rankOf('violation')).toBeLessThan(Math.min(rankOf('fault'), rankOf('decision'), rankOf('reboot'), rankOf('restart'), rankOf('panic')));
  });

  it('still outranks a fault at its instant, and a fault still outranks what it caused', () => {
    expect(rankOf('violation')).toBeLessThan(rankOf('fault'));
    expect(rankOf('fault')).toBeLessThan(rankOf('stop'));
    expect(rankOf('fault')).toBeLessThan(rankOf('decision'));
  });
});
