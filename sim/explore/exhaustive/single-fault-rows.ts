import { compareCosts, type FaultCost } from './fault-cost.js';
import { describeMenuFault } from './fault-menu.js';
import type { PlacedFault } from './placed-fault.js';

/**
 * One row of the single-point-of-failure report: a distinct single fault
 * (kind x target), at the decision point where it costs the most. Part of an
 * exhaustive result (`singleFaults`) when `--report` asks for it, so shards
 * and worker threads merge rows like the rest of the result.
 */
export interface SingleFaultRow {
  /** The worst case of this fault: where it landed. */
  worst: PlacedFault;
  /** Its depth-1 index in the enumeration: among cases that cost the same, the first wins (the same whatever the sharding). */
  order: number;
  cost: FaultCost;
  /** Decision points this fault was tried at, and at how many of them it was a single point of failure. */
  cases: number;
  spofCases: number;
}

/** `crash ahcid`, the row's key. */
export function rowKey(row: Pick<SingleFaultRow, 'worst'>): string {
  return describeMenuFault(row.worst.fault);
}

/** Whether `a` goes before `b` in the table: worse first, then in enumeration order. */
function worseFirst(a: SingleFaultRow, b: SingleFaultRow): number {
  return compareCosts(a.cost, b.cost) || a.order - b.order;
}

/** Adds one case of a fault to the rows (kept sorted by key while building; `sortRows` orders them for the table). */
export function noteCase(rows: SingleFaultRow[], worst: PlacedFault, order: number, cost: FaultCost): void {
  const key = describeMenuFault(worst.fault);
  const mine = rows.find((r) => rowKey(r) === key);
  const candidate: SingleFaultRow = { worst, order, cost, cases: 1, spofCases: cost.spof ? 1 : 0 };
  if (!mine) {
    rows.push(candidate);
    return;
  }
  mine.cases++;
  if (cost.spof) mine.spofCases++;
  if (worseFirst(candidate, mine) < 0) Object.assign(mine, { worst, order, cost });
}

/** Combines the rows of shards (or worker threads): per fault, the costliest case, counts summed. */
export function mergeRows(parts: readonly (readonly SingleFaultRow[])[]): SingleFaultRow[] {
  const out: SingleFaultRow[] = [];
  for (const rows of parts) {
    for (const row of rows) {
      const mine = out.find((r) => rowKey(r) === rowKey(row));
      if (!mine) {
        out.push(structuredClone(row));
        continue;
      }
      mine.cases += row.cases;
      mine.spofCases += row.spofCases;
      if (worseFirst(row, mine) < 0) Object.assign(mine, { worst: row.worst, order: row.order, cost: row.cost });
    }
  }
  return sortRows(out);
}

/** The table's order: single points of failure first, worst first, then in enumeration order. */
export function sortRows(rows: readonly SingleFaultRow[]): SingleFaultRow[] {
  return [...rows].sort(worseFirst);
}

/**
 * The one-line summary: "2 single points of failure among 4 components:
 * ahcid (crash, kill, hang) leaves ahcid, redoxfs, editor down; ...".
 * Grouped by target, in table order; a system fault is its own group.
 */
export function summaryLine(rows: readonly SingleFaultRow[], components: number): string {
  const groups = new Map<string, { kinds: string[]; down: Set<string>; reboots: Set<string> }>();
  for (const row of sortRows(rows)) {
    if (!row.cost.spof) continue;
    const target = row.worst.fault.target ?? `(system) ${row.worst.fault.kind}`;
    let g = groups.get(target);
    if (!g) groups.set(target, (g = { kinds: [], down: new Set(), reboots: new Set() }));
    g.kinds.push(row.worst.fault.kind);
    for (const d of row.cost.down) g.down.add(d);
    if (row.cost.outcome === 'halted') g.reboots.add('halts the system');
    else if (row.cost.reboots.ungraceful > 0) g.reboots.add('panics');
    else if (row.cost.reboots.graceful > 0) g.reboots.add('reboots');
  }
  const n = groups.size;
  if (n === 0) return `no single point of failure among ${components} components: every single fault tried is recovered from`;
  const parts = [...groups].map(([target, g]) => {
    const effects = [...(g.down.size > 0 ? [`leaves ${[...g.down].join(', ')} down`] : []), ...g.reboots];
    return `${target} (${g.kinds.join(', ')}) ${effects.join(' and ')}`;
  });
  return `${n} single point${n === 1 ? '' : 's'} of failure among ${components} components: ${parts.join('; ')}`;
}
