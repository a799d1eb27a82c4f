import { describe, expect, it } from 'vitest';
import { summarizeRange } from '../../viz/src/layout/range-summary.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import { loadFixture } from '../helpers/fixtures.js';

const S = 1_000_000;
// The simulator's netstack reboot: netstack crashes at 30 s and runs again at 33.3 s; the system is down from 32 s to 33.4 s.
const model = buildTimeline([{ name: 'a', file: loadFixture('generated-netstack-reboot.json') }]);
const lane = (component: string | null): number => model.lanes.findIndex((l) => l.component === component);

describe('a range summary', () => {
  it('adds up time per state, records per type and downtime over the picked lanes', () => {
    const netstack = lane('/core/network/netstack');
    const [summary] = summarizeRange(model.traces, model.lanes, { startUs: 29 * S, endUs: 34 * S, lanes: [lane(null), netstack] });
    expect(summary!.components).toBe(1);
    expect(Object.fromEntries(summary!.stateUs)).toEqual({ running: 1_700_000, stopped: 3_200_000, starting: 100_000 });
    expect(summary!.componentDownUs).toBe(3_300_000);
    expect(summary!.worst).toEqual({ component: '/core/network/netstack', downUs: 3_300_000 });
    expect(summary!.systemDownUs).toBe(1_400_000);
    expect(Object.fromEntries(summary!.counts)).toMatchObject({ fault: 1, terminated: 1, decision: 1, 'reboot-requested': 1, power: 4, 'shutdown-started': 1 });
  });

  it('lists the records it counts, in time order, each on a picked lane', () => {
    const netstack = lane('/core/network/netstack');
    const [summary] = summarizeRange(model.traces, model.lanes, { startUs: 29 * S, endUs: 34 * S, lanes: [lane(null), netstack] });
    const total = summary!.counts.reduce((n, [, c]) => n + c, 0);
    expect(summary!.recordsTotal).toBe(total);
    expect(summary!.records).toHaveLength(total);
    expect(summary!.records.every((r, i, all) => i === 0 || all[i - 1]!.t <= r.t)).toBe(true);
    const laneOf = model.traces[0]!.laneOfSeq;
    expect(new Set(summary!.records.map((r) => laneOf.get(r.seq)))).toEqual(new Set([lane(null), netstack]));
  });

  it('leaves out lanes that were not picked', () => {
    const [summary] = summarizeRange(model.traces, model.lanes, { startUs: 0, endUs: 120 * S, lanes: [lane('/core/wlanstack')] });
    expect(summary!.systemDownUs).toBeNull();
    expect(summary!.counts.find(([type]) => type === 'fault')).toBeUndefined();
  });

  it('reads a range drawn right to left the same', () => {
    const forward = summarizeRange(model.traces, model.lanes, { startUs: 29 * S, endUs: 34 * S, lanes: [lane(null)] });
    expect(summarizeRange(model.traces, model.lanes, { startUs: 34 * S, endUs: 29 * S, lanes: [lane(null)] })).toEqual(forward);
  });
});
