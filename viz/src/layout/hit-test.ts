import { lowerBound } from './sorted.js';
import type { Bar, Lane, Mark } from './model.js';

/**
 * The mark of a lane nearest to tUs within toleranceUs, preferring later
 * records on ties (the effect drawn on top). Marks rejected by `visible` are skipped.
 */
export function nearestMark(lane: Lane, tUs: number, toleranceUs: number, visible: (m: Mark) => boolean = () => true): Mark | undefined {
  const marks = lane.marks;
  let best: Mark | undefined;
  let bestDistance = Infinity;
  for (let i = lowerBound(marks, tUs - toleranceUs, (m) => m.t); i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark.t > tUs + toleranceUs) break;
    if (!visible(mark)) continue;
    const distance = Math.abs(mark.t - tUs);
    if (distance <= bestDistance) [best, bestDistance] = [mark, distance];
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
