import { describe, expect, it } from 'vitest';
import { describeRecord } from '../../viz/src/layout/describe.js';
import { directEffects, rebootStories, violationStories } from '../../viz/src/layout/stories.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import { loadFixture, seqOf } from '../helpers/fixtures.js';

const trace = loadFixture('netstack-reboot.json');
const model = buildTimeline([{ name: 'a', file: trace }]);

describe('stories', () => {
  it('explains each reboot by its root cause', () => {
    const stories = rebootStories(model.traces, []);
    expect(stories.map((s) => s.text)).toEqual([
      '32s component_manager requested a graceful reboot (culprit /core/network/netstack): critical-component-failure ⟵ root cause at 30s: fault injected: crash of /core/network/netstack (scripted, exit code 1)',
    ]);
  });

  it('lists violations with a tag per trace in compare mode', () => {
    const compared = buildTimeline([
      { name: 'a', file: trace },
      { name: 'b', file: trace },
    ]);
    const stories = violationStories(compared.traces, ['A', 'B']);
    expect(stories.map((s) => s.text.slice(0, 12))).toEqual(['[A] 37s no-u', '[B] 37s no-u']);
    expect(stories[1]!.ref).toEqual({ traceIndex: 1, seq: seqOf(trace, (r) => r.type === 'violation') });
  });

  it('finds what a record directly caused', () => {
    const fault = seqOf(trace, (r) => r.type === 'fault');
    expect(directEffects(model.traces[0]!, fault).map((r) => r.type)).toEqual(['terminated']);
  });

  it('describes a lifecycle change in words', () => {
    const record = trace.records.find((r) => r.type === 'state' && r.t === 30_000_000)!;
    expect(describeRecord(record)).toBe('/core/network/netstack: running → stopped');
  });
});
