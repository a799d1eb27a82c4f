import { describe, expect, it } from 'vitest';
import { NO_FILTER as WITH_COUNTERS, rowOfLane, visibleRows } from '../../viz/src/layout/filter.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import { loadFixture } from '../helpers/fixtures.js';

const model = buildTimeline([{ name: 'a', file: loadFixture('netstack-reboot.json') }]);
const NO_FILTER = { ...WITH_COUNTERS, counters: false };
const describeRows = (rows: ReturnType<typeof visibleRows>): string[] =>
  rows.map((r) => (r.kind === 'group' ? `# ${r.label}` : r.kind === 'counter' ? `~ ${r.counter}` : (r.lane.component ?? 'power')));

describe('visibleRows', () => {
  it('shows every group header followed by its lanes', () => {
    expect(describeRows(visibleRows(model, NO_FILTER))).toEqual([
      '# system',
      'power',
      '# /bootstrap',
      '/bootstrap/power_manager',
      '/bootstrap/fshost',
      '# /core/network',
      '/core/network/netstack',
      '/core/network/dhcpd',
      '# /core/session',
      '/core/session/shell',
    ]);
  });

  it('puts the counter tracks first when they are shown, on one scale for every trace', () => {
    const rows = visibleRows(model, WITH_COUNTERS);
    expect(describeRows(rows).slice(0, 9)).toEqual(['# counters (totals so far)', '~ components-up', '~ system-up', '~ restarts', '~ lost-requests', '~ refused-requests', '~ delayed-requests', '~ lost-bytes', '# system']);
    const up = rows[1]!;
    expect(up.kind === 'counter' && up.max).toBe(5);
    const restarts = rows[3]!;
    expect(restarts.kind === 'counter' && restarts.max).toBe(0);
  });

  it('keeps matching components (case-insensitive), their groups and the system lane', () => {
    expect(describeRows(visibleRows(model, { ...NO_FILTER, query: 'NETSTACK' }))).toEqual(['# system', 'power', '# /core/network', '/core/network/netstack']);
  });

  it('matches a realm name to all its components', () => {
    expect(describeRows(visibleRows(model, { ...NO_FILTER, query: '/bootstrap' }))).toEqual([
      '# system',
      'power',
      '# /bootstrap',
      '/bootstrap/power_manager',
      '/bootstrap/fshost',
    ]);
  });

  it('maps lanes to rows, leaving out filtered lanes', () => {
    const rows = visibleRows(model, { ...NO_FILTER, query: 'shell' });
    const map = rowOfLane(rows);
    expect([...map.entries()]).toEqual([
      [0, 1],
      [5, 3],
    ]);
  });
});

describe('a folded lane group', () => {
  it('shows its header with how many lanes it folds, and none of them; the system group never folds', () => {
    const trace = loadFixture('generated-netstack-reboot.json');
    const model = buildTimeline([{ name: 'a', file: trace }]);
    const groups = [...new Set(model.lanes.map((l) => l.group))];
    const rows = visibleRows(model, { ...NO_FILTER, folded: new Set(groups) });
    const headers = rows.filter((r) => r.kind === 'group');
    expect(rows.filter((r) => r.kind === 'lane').map((r) => (r.kind === 'lane' ? r.lane.kind : ''))).toEqual(['system']);
    expect(headers.filter((r) => r.kind === 'group' && r.folded).map((r) => (r.kind === 'group' ? [r.label, r.folded!.lanes] : []))).toEqual([
      ['/bootstrap', 2],
      ['/core/network', 1],
      ['/core', 1],
    ]);
  });
});
