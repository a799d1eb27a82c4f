import { MARK_KINDS } from './marks.js';
import { lowerBound } from './sorted.js';
import type { Bar, Lane, Mark } from './model.js';

const RANK = new Map(MARK_KINDS.map((kind, i) => [kind, i]));

/**
 * The mark of a lane nearest to tUs within toleranceUs. On a tie the mark
 * drawn on top wins: the more important kind (a fault over the termination
 * it caused at the same instant), then the later record. Marks rejected by
 * `visible` are skipped.
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
    const rank = RANK.get(mark.kind) ?? Infinity;
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
