import { describe, expect, it } from 'vitest';
import { NO_FILTER, rowOfLane, visibleRows } from '../../viz/src/layout/filter.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import { loadFixture } from '../helpers/fixtures.js';

const model = buildTimeline([{ name: 'a', file: loadFixture('netstack-reboot.json') }]);
const describeRows = (rows: ReturnType<typeof visibleRows>): string[] =>
  rows.map((r) => (r.kind === 'group' ? `# ${r.label}` : (r.lane.component ?? 'power')));

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
