import { describe, expect, it } from 'vitest';
import { causalChain, chainArrows } from '../../viz/src/layout/causes.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import { loadFixture, seqOf } from '../helpers/fixtures.js';

const trace = loadFixture('netstack-reboot.json');
const model = buildTimeline([{ name: 'a', file: trace }]);
const indexed = model.traces[0]!;

describe('causalChain', () => {
  it('walks from a reboot request back to the fault that started it', () => {
    const reboot = seqOf(trace, (r) => r.type === 'reboot-requested');
    expect(causalChain(indexed, reboot).map((r) => r.type)).toEqual(['reboot-requested', 'decision', 'detected', 'terminated', 'fault']);
  });

  it('is just the record for a root cause', () => {
    const fault = seqOf(trace, (r) => r.type === 'fault');
    expect(causalChain(indexed, fault).map((r) => r.seq)).toEqual([fault]);
  });

  it('is empty for an unknown seq', () => {
    expect(causalChain(indexed, 99999)).toEqual([]);
  });

  it('stops on a cycle or a dangling cause instead of hanging', () => {
    const records: TraceRecord[] = [
      { t: 0, seq: 1, type: 'shutdown-completed', cause: 2 },
      { t: 0, seq: 2, type: 'shutdown-completed', cause: 1 },
      { t: 0, seq: 3, type: 'shutdown-completed', cause: 77 },
    ];
    const bySeq = new Map(records.map((r) => [r.seq, r]));
    expect(causalChain({ bySeq }, 1).map((r) => r.seq)).toEqual([1, 2]);
    expect(causalChain({ bySeq }, 3).map((r) => r.seq)).toEqual([3]);
  });
});

describe('chainArrows', () => {
  it('points each arrow from cause to effect, across lanes', () => {
    const shutdown = seqOf(trace, (r) => r.type === 'shutdown-started');
    const chain = causalChain(indexed, shutdown);
    const arrows = chainArrows(indexed, chain);
    expect(arrows).toHaveLength(chain.length - 1);
    const first = arrows[0]!;
    // reboot-requested (netstack lane, 32 s) -> shutdown-started (system lane, 32 s)
    expect(model.lanes[first.fromLane]!.component).toBe('/core/network/netstack');
    expect(model.lanes[first.toLane]!.kind).toBe('system');
    expect(first.toSeq).toBe(shutdown);
    for (const a of arrows) expect(a.fromUs).toBeLessThanOrEqual(a.toUs);
    expect(arrows[arrows.length - 1]!.fromSeq).toBe(seqOf(trace, (r) => r.type === 'fault'));
  });
});
