import { describe, expect, it } from 'vitest';
import { NO_FILTER, visibleRows } from '../../viz/src/layout/filter.js';
import { pinnedRowCount } from '../../viz/src/layout/pinned.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import type { Row } from '../../viz/src/layout/model.js';
import { loadFixture } from '../helpers/fixtures.js';

const file = loadFixture('netstack-reboot.json');
const one = buildTimeline([{ name: 'a', file }]);
const two = buildTimeline([{ name: 'a', file }, { name: 'b', file }]);
const names = (rows: readonly Row[]): string[] =>
  rows.map((r) => (r.kind === 'group' ? `# ${r.label}` : r.kind === 'counter' ? `~ ${r.counter}` : `${r.lane.traceIndex}:${r.lane.component ?? 'power'}`));

describe('pinnedRowCount: the rows that stay in sight while the lanes scroll', () => {
  it('pins the counter tracks and the power lane, with their headers, and nothing of the components', () => {
    const rows = visibleRows(one, NO_FILTER);
    const pinned = pinnedRowCount(rows);
    expect(names(rows.slice(0, pinned))).toEqual([
      '# counters (totals so far)', '~ components-up', '~ system-up', '~ restarts', '~ lost-requests', '~ refused-requests', '~ delayed-requests', '~ lost-bytes', '# system', '0:power',
    ]);
    expect(names(rows.slice(pinned, pinned + 2))).toEqual(['# /bootstrap', '0:/bootstrap/power_manager']);
  });

  it('pins both power lanes when comparing', () => {
    const rows = visibleRows(two, NO_FILTER);
    expect(names(rows.slice(0, pinnedRowCount(rows))).slice(-3)).toEqual(['# system', '0:power', '1:power']);
  });

  it('pins only the power lane when the counters are hidden, and keeps it under a lane filter or a fold', () => {
    expect(names(visibleRows(one, { ...NO_FILTER, counters: false }).slice(0, 3))).toEqual(['# system', '0:power', '# /bootstrap']);
    expect(pinnedRowCount(visibleRows(one, { ...NO_FILTER, counters: false }))).toBe(2);
    const filtered = visibleRows(one, { ...NO_FILTER, query: 'netstack', folded: new Set(['/core/network']) });
    expect(names(filtered.slice(pinnedRowCount(filtered)))).toEqual(['# /core/network']);
  });

  it('pins nothing of a list that starts with a component lane (no counters, no power lane)', () => {
    const rows = visibleRows(one, { ...NO_FILTER, counters: false }).slice(2);
    expect(pinnedRowCount(rows)).toBe(0);
  });
});
