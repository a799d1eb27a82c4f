import { lowerBound } from './sorted.js';
import type { Lane, Mark, MarkMember, Row } from './model.js';

type Visible = (m: MarkMember) => boolean;

function visibleMembers(mark: Mark, visible: Visible): readonly MarkMember[] {
  return mark.members.length === 1 ? (visible(mark.members[0]!) ? mark.members : []) : mark.members.filter(visible);
}

/**
 * The record after (direction 1) or before (-1) a record on its lane, for
 * keyboard navigation: first through the other records of its instant (its
 * mark), then to the next mark in time. Hidden records are skipped; a record
 * without a mark (a state change) steps to the marks around its instant.
 */
export function stepInLane(lane: Lane, seq: number, tUs: number, direction: 1 | -1, visible: Visible): number | undefined {
  const marks = lane.marks;
  let i = lowerBound(marks, tUs, (m) => m.t);
  const here = marks[i];
  if (here && here.t === tUs) {
    const members = visibleMembers(here, visible);
    const at = members.findIndex((m) => m.seq === seq);
    if (at >= 0 && at + direction >= 0 && at + direction < members.length) return members[at + direction]!.seq;
    i += direction;
  } else if (direction < 0) {
    i -= 1;
  }
  for (; i >= 0 && i < marks.length; i += direction) {
    const members = visibleMembers(marks[i]!, visible);
    if (members.length > 0) return (direction > 0 ? members[0]! : members[members.length - 1]!).seq;
  }
  return undefined;
}

/** The most important visible record of the lane's mark nearest to tUs (for moving to the lane above or below). */
export function nearestInLane(lane: Lane, tUs: number, visible: Visible): number | undefined {
  const marks = lane.marks;
  const i = lowerBound(marks, tUs, (m) => m.t);
  let best: Mark | undefined;
  let bestDistance = Infinity;
  for (const step of [1, -1]) {
    for (let j = step > 0 ? i : i - 1; j >= 0 && j < marks.length; j += step) {
      const mark = marks[j]!;
      if (visibleMembers(mark, visible).length === 0) continue;
      const distance = Math.abs(mark.t - tUs);
      if (distance < bestDistance) [best, bestDistance] = [mark, distance];
      break;
    }
  }
  if (!best) return undefined;
  const members = visibleMembers(best, visible);
  return (members.includes(best) ? best : members[0]!).seq;
}

/** Where keyboard navigation starts: the earliest visible mark in the window, on the first lane that has one. */
export function firstInWindow(rows: readonly Row[], startUs: number, endUs: number, visible: Visible): { traceIndex: number; seq: number } | undefined {
  for (const row of rows) {
    if (row.kind !== 'lane') continue;
    const marks = row.lane.marks;
    for (let i = lowerBound(marks, startUs, (m) => m.t); i < marks.length && marks[i]!.t <= endUs; i++) {
      const members = visibleMembers(marks[i]!, visible);
      if (members.length > 0) return { traceIndex: row.lane.traceIndex, seq: members[0]!.seq };
    }
  }
  return undefined;
}
