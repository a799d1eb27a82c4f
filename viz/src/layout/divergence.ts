import type { TraceRecord } from './trace-types.js';

/** Whether two records say the same thing (seq and cause included: equal prefixes number alike). */
function sameRecord(a: TraceRecord, b: TraceRecord): boolean {
  if (a.t !== b.t || a.type !== b.type || a.component !== b.component || a.seq !== b.seq || a.cause !== b.cause) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) {
    const va = (a as unknown as Record<string, unknown>)[key];
    const vb = (b as unknown as Record<string, unknown>)[key];
    if (va === vb) continue;
    if (typeof va !== 'object' || typeof vb !== 'object' || JSON.stringify(va) !== JSON.stringify(vb)) return false;
  }
  return true;
}

export interface Divergence {
  /** The instant from which the two runs differ. */
  t: number;
  /** A's and B's first differing records (absent when that run had already ended). */
  a?: TraceRecord;
  b?: TraceRecord;
}

/**
 * The first record where two runs of one scenario differ, both sorted by
 * (t, seq); undefined when they are the same run. The simulator is
 * deterministic, so everything before this instant is identical and the
 * difference starts here: usually the first decision a policy takes
 * differently.
 */
export function firstDivergence(a: readonly TraceRecord[], b: readonly TraceRecord[]): Divergence | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!sameRecord(a[i]!, b[i]!)) return { t: Math.min(a[i]!.t, b[i]!.t), a: a[i], b: b[i] };
  }
  if (a.length === b.length) return undefined;
  const longer = a.length > b.length ? a[n]! : b[n]!;
  return a.length > b.length ? { t: longer.t, a: longer } : { t: longer.t, b: longer };
}
