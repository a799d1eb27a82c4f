import type { Row } from './model.js';

/**
 * How many rows at the top stay in sight while the component lanes scroll,
 * as Perfetto pins tracks: the counter tracks (with their header) and the
 * system's power lanes (with theirs). They tell what every other lane means
 * (is the system up, how many components run), so they never scroll away.
 * `visibleRows` puts them first; the first row of anything else ends them.
 */
export function pinnedRowCount(rows: readonly Row[]): number {
  let n = 0;
  while (n < rows.length && isPinned(rows[n]!)) n++;
  return n;
}

function isPinned(row: Row): boolean {
  if (row.kind === 'counter') return true;
  if (row.kind === 'lane') return row.lane.kind === 'system';
  // Group headers: the counters' header and the system's (the only headers no click folds).
  return row.group === undefined;
}
