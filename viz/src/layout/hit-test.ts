import { rankOf } from './coincident.js';
import { lowerBound } from './sorted.js';
import type { Bar, Lane, Mark } from './model.js';

/**
 * The mark of a lane nearest to tUs within toleranceUs. On a tie the more
 * important mark wins (the one drawn on top), then the later one. Marks
 * rejected by `visible` are skipped. A mark stands for every record of its
 * instant: the caller picks among its members.
 */
export function nearestMark(lane: Lane, tUs: number, toleranceUs: number, visible: (m: Mark) => boolean = () => true): Mark | undefined {
  const marks = lane.marks;
  let best: Mark | undefined;
  let bestDistance = Infinity;
  let bestRank = Infinity;
  for (let i = lowerBound(marks, tUs - toleranceUs, (m) => m.t); i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark.t > tUs + toleranceUs) break;
    if (!visible(mark)) continue;
    const distance = Math.abs(mark.t - tUs);
    const rank = rankOf(mark.kind);
    if (distance < bestDistance || (distance === bestDistance && rank <= bestRank)) [best, bestDistance, bestRank] = [mark, distance, rank];
  }
  return best;
}

/** The bar of a lane covering tUs. */
export function barAt(lane: Lane, tUs: number): Bar | undefined {
  const i = lowerBound(lane.bars, tUs, (b) => b.endUs);
  const bar = lane.bars[i];
  if (bar && bar.endUs === tUs) return lane.bars[i + 1];
  return bar && bar.startUs <= tUs ? bar : undefined;
}

/** The mark of a lane at exactly tUs (the group a record belongs to), if any. */
export function markAt(lane: Lane, tUs: number): Mark | undefined {
  const mark = lane.marks[lowerBound(lane.marks, tUs, (m) => m.t)];
  return mark && mark.t === tUs ? mark : undefined;
}
