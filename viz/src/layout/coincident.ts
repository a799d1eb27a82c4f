import { MARK_KINDS, markKindOf, type MarkKind } from './marks.js';
import type { Mark, MarkMember } from './model.js';
import type { TraceRecord } from './trace-types.js';

const RANK = new Map<MarkKind, number>(MARK_KINDS.map((kind, i) => [kind, i]));

/** Legend order is importance order: a fault outranks the termination it caused. */
export function rankOf(kind: MarkKind): number {
  return RANK.get(kind) ?? MARK_KINDS.length;
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
  let group: MarkMember[] = [];
  let groupT = 0;
  const flush = (): void => {
    if (group.length === 0) return;
    const top = group.length === 1 ? group[0]! : topOf(group)!;
    marks.push({ t: groupT, seq: top.seq, kind: top.kind, type: top.type, members: group });
    group = [];
  };
  for (const r of records) {
    const kind = markKindOf(r.type);
    if (!kind) continue;
    if (group.length > 0 && r.t !== groupT) flush();
    groupT = r.t;
    group.push({ seq: r.seq, kind, type: r.type });
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
