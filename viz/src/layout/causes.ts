import type { Lane, IndexedTrace } from './model.js';
import type { TraceRecord } from './trace-types.js';

/**
 * The causal chain of a record: the record itself, then its cause, its
 * cause's cause, ... up to the root (a fault or the run start). Stops at a
 * missing or repeated `seq` (a malformed trace must not hang the viewer).
 */
export function causalChain(trace: Pick<IndexedTrace, 'bySeq'>, seq: number): TraceRecord[] {
  const chain: TraceRecord[] = [];
  const seen = new Set<number>();
  let current = trace.bySeq.get(seq);
  while (current && !seen.has(current.seq)) {
    chain.push(current);
    seen.add(current.seq);
    current = current.cause === undefined ? undefined : trace.bySeq.get(current.cause);
  }
  return chain;
}

/** One arrow from a cause to its effect, in (time, lane) coordinates. */
export interface Arrow {
  fromSeq: number;
  toSeq: number;
  fromUs: number;
  toUs: number;
  fromLane: number;
  toLane: number;
}

/** Arrows along a chain (effect first, as causalChain returns it), each pointing from cause to effect. */
export function chainArrows(trace: Pick<IndexedTrace, 'laneOfSeq'>, chain: readonly TraceRecord[]): Arrow[] {
  const arrows: Arrow[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const effect = chain[i]!;
    const cause = chain[i + 1]!;
    const fromLane = trace.laneOfSeq.get(cause.seq);
    const toLane = trace.laneOfSeq.get(effect.seq);
    if (fromLane === undefined || toLane === undefined) continue;
    arrows.push({ fromSeq: cause.seq, toSeq: effect.seq, fromUs: cause.t, toUs: effect.t, fromLane, toLane });
  }
  return arrows;
}

/** The lane a record is drawn on, or undefined when the record is unknown. */
export function laneOfRecord(lanes: readonly Lane[], trace: Pick<IndexedTrace, 'laneOfSeq'>, seq: number): Lane | undefined {
  const index = trace.laneOfSeq.get(seq);
  return index === undefined ? undefined : lanes[index];
}
