import { MARKS_BY_RANK, markKindOf, type MarkKind } from './marks.js';
import type { Mark, MarkMember } from './model.js';
import type { TraceRecord } from './trace-types.js';

const RANK = new Map<MarkKind, number>(MARKS_BY_RANK.map((kind, i) => [kind, i]));

/** A violation outranks everything; a fault the termination it caused (marks.ts, MARKS_BY_RANK). */
export function rankOf(kind: MarkKind): number {
  return RANK.get(kind) ?? MARKS_BY_RANK.length;
}

/** The member drawn on top: the most important kind, the earliest record among equals. */
function topOf(members: readonly MarkMember[], visible?: (m: MarkMember) => boolean): MarkMember | undefined {
  let best: MarkMember | undefined;
  for (const m of members) {
    if (visible && !visible(m)) continue;
    if (!best || rankOf(m.kind) < rankOf(best.kind)) best = m;
  }
  return best;
}

/**
 * A lane's records as marks: records at the same instant form one mark that
 * lists them all. Records are sorted by (t, seq); records without a mark kind
 * (state, power) neither show nor split a group.
 */
export function groupMarks(records: readonly TraceRecord[]): Mark[] {
  const marks: Mark[] = [];
  // Most records stand alone: such a mark is its own only member (one object per record, not two).
  let lone: Mark | null = null;
  let group: MarkMember[] | null = null;
  const flush = (): void => {
    if (group) {
      const top = topOf(group)!;
      marks.push({ t: lone!.t, seq: top.seq, kind: top.kind, type: top.type, members: group });
    } else if (lone) {
      marks.push(lone);
    }
    lone = null;
    group = null;
  };
  for (const r of records) {
    const kind = markKindOf(r.type);
    if (!kind) continue;
    if (lone && r.t !== lone.t) flush();
    if (!lone) {
      const mark: Mark = { t: r.t, seq: r.seq, kind, type: r.type, members: [] };
      (mark.members as MarkMember[]).push(mark);
      lone = mark;
    } else {
      group ??= [{ seq: lone.seq, kind: lone.kind, type: lone.type }];
      group.push({ seq: r.seq, kind, type: r.type });
    }
  }
  flush();
  return marks;
}

/** The member to draw and pick when some are hidden; undefined when all are. */
export function topVisibleMember(mark: Mark, visible: (m: MarkMember) => boolean): MarkMember | undefined {
  if (mark.members.length === 1) return visible(mark) ? mark : undefined;
  return visible(mark) ? mark : topOf(mark.members, visible);
}

/** How many members pass the filter. */
export function visibleCount(mark: Mark, visible: (m: MarkMember) => boolean): number {
  let n = 0;
  for (const m of mark.members) if (visible(m)) n++;
  return n;
}
