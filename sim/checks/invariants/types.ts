import type { Scenario } from '../../scenario/types.js';
import type { TraceRecord } from '../../trace/records.js';
import type { Violation } from '../../trace/trace-file.js';

/**
 * One invariant of the catalogue: a pure function of a trace (and the
 * scenario it ran), linear in the records, with the rule it comes from.
 * Safety invariants point at the record that broke them; liveness invariants
 * at the record left without its consequence.
 */
export interface Invariant {
  id: string;
  /** One line, in the present tense, that is true of every sound run. */
  statement: string;
  /** The rule of DESIGN.md it comes from (F1-F12, R1-R8, A, or `model`). */
  rule: string;
  kind: 'safety' | 'liveness';
  check(records: readonly TraceRecord[], scenario: Scenario): Violation[];
}

export function violation(inv: Pick<Invariant, 'id' | 'kind'>, message: string, record?: number): Violation {
  return record === undefined ? { invariant: inv.id, message, kind: inv.kind } : { invariant: inv.id, message, record, kind: inv.kind };
}

export type RecordOfType<K extends TraceRecord['type']> = Extract<TraceRecord, { type: K }>;
