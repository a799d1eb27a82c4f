import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import { loadFixture, seqOf } from '../helpers/fixtures.js';

const S = 1_000_000;
const trace = loadFixture('netstack-reboot.json');

describe('buildTimeline', () => {
  const model = buildTimeline([{ name: 'a', file: trace }]);

  it('covers the run from 0 to its end', () => {
    expect([model.startUs, model.endUs]).toEqual([0, 60 * S]);
  });

  it('puts the system lane first, then components grouped by realm in order of appearance', () => {
    expect(model.lanes.map((l) => [l.group, l.label])).toEqual([
      ['system', 'power'],
      ['/bootstrap', 'power_manager'],
      ['/bootstrap', 'fshost'],
      ['/core/network', 'netstack'],
      ['/core/network', 'dhcpd'],
      ['/core/session', 'shell'],
    ]);
  });

  it('draws the power story as bars on the system lane', () => {
    const power = model.lanes[0]!.bars.map((b) => [b.state, b.startUs / S, b.endUs / S]);
    expect(power).toEqual([
      ['booting', 0, 1.2],
      ['up', 1.2, 32],
      ['shutting-down', 32, 37.5],
      ['rebooting', 37.5, 38.5],
      ['booting', 38.5, 39.7],
      ['up', 39.7, 60],
    ]);
  });

  it('draws lifecycle bars of a component, contiguous and in order', () => {
    const netstack = model.lanes.find((l) => l.component === '/core/network/netstack')!;
    expect(netstack.bars.map((b) => [b.state, b.startUs / S, b.endUs / S])).toEqual([
      ['stopped', 0, 0.3],
      ['starting', 0.3, 0.8],
      ['running', 0.8, 30],
      ['stopped', 30, 38.8],
      ['starting', 38.8, 39.3],
      ['running', 39.3, 60],
    ]);
    expect(netstack.bars[0]!.seq).toBeNull();
    expect(netstack.bars[3]!.seq).toBe(seqOf(trace, (r) => r.type === 'state' && r.t === 30 * S));
  });

  it('puts marks on the lane of their component with their kind, one mark per instant', () => {
    const netstack = model.lanes.find((l) => l.component === '/core/network/netstack')!;
    expect(netstack.marks.map((m) => m.kind)).toEqual(['fault', 'reboot']);
    expect(netstack.marks.flatMap((m) => m.members.map((x) => x.kind))).toEqual(['fault', 'stop', 'lost-data', 'detection', 'decision', 'reboot']);
    const system = model.lanes[0]!;
    expect(system.marks.map((m) => m.type)).toEqual(['boot-started', 'boot-completed', 'shutdown-started', 'shutdown-completed', 'boot-started', 'boot-completed']);
  });

  it('anchors a component-less violation on the lane of the record it blames', () => {
    const violation = seqOf(trace, (r) => r.type === 'violation');
    const lane = model.lanes[model.traces[0]!.laneOfSeq.get(violation)!]!;
    expect(lane.component).toBe('/core/network/dhcpd');
    expect(lane.marks.some((m) => m.members.some((x) => x.seq === violation && x.kind === 'violation'))).toBe(true);
  });

  it('anchors system records (power, shutdown) on the system lane', () => {
    const shutdown = seqOf(trace, (r) => r.type === 'shutdown-started');
    expect(model.traces[0]!.laneOfSeq.get(shutdown)).toBe(0);
  });

  it('groups by monitor when asked: components nobody monitored go together', () => {
    const byMonitor = buildTimeline([{ name: 'a', file: trace }], 'monitor');
    const groups = [...new Set(byMonitor.lanes.map((l) => l.group))];
    expect(groups).toEqual(['system', '(no monitor seen)', 'component_manager']);
    expect(byMonitor.lanes.filter((l) => l.group === 'component_manager').map((l) => l.component)).toEqual(['/core/network/netstack']);
  });
});

describe('buildTimeline in compare mode', () => {
  const other = structuredClone(trace);
  // Policy B: netstack is restarted instead of rebooting; its lane gets extra records, a new component appears.
  other.records = other.records.filter((r) => r.t < 30 * S);
  const n = other.records.length;
  other.records.push(
    { t: 30 * S, seq: n, type: 'fault', component: '/core/network/netstack', fault: 'crash', source: 'scripted', exitCode: 1 },
    { t: 30 * S, seq: n + 1, type: 'restart', component: '/core/network/netstack', attempt: 1, cause: n },
    { t: 31 * S, seq: n + 2, type: 'state', component: '/core/extra/metrics', from: 'stopped', to: 'starting' },
  );
  other.summary = { ...other.summary, endUs: 45 * S };
  const model = buildTimeline([
    { name: 'a', file: trace },
    { name: 'b', file: other },
  ]);

  it('uses one time axis covering both runs', () => {
    expect([model.startUs, model.endUs]).toEqual([0, 60 * S]);
  });

  it('interleaves the two traces lane by lane', () => {
    expect(model.lanes.slice(0, 4).map((l) => l.key)).toEqual(['0:@system', '1:@system', '0:/bootstrap/power_manager', '1:/bootstrap/power_manager']);
    const netstack = model.lanes.filter((l) => l.component === '/core/network/netstack');
    expect(netstack.map((l) => l.traceIndex)).toEqual([0, 1]);
    expect(model.lanes.indexOf(netstack[1]!)).toBe(model.lanes.indexOf(netstack[0]!) + 1);
  });

  it('shows a component only for the trace that has it', () => {
    expect(model.lanes.filter((l) => l.component === '/core/extra/metrics').map((l) => l.key)).toEqual(['1:/core/extra/metrics']);
  });

  it('indexes records of each trace onto that trace\'s lanes', () => {
    const restartLane = model.lanes[model.traces[1]!.laneOfSeq.get(n + 1)!]!;
    expect(restartLane.key).toBe('1:/core/network/netstack');
    expect(restartLane.marks.flatMap((m) => m.members.map((x) => x.kind))).toContain('restart');
  });
});
