import type { Bar, BarState } from './model.js';
import type { PowerState, TraceRecord } from './trace-types.js';

type StateChange = { t: number; seq: number; from: BarState; to: BarState };

/**
 * Turns state changes of one lane (sorted by t, then seq) into bars covering
 * [startUs, endUs). Before the first change the lane is in that change's
 * `from` state (or `initial` when there is no change). Zero-length intervals
 * (a state entered and left at the same instant) are dropped: they cannot be
 * seen, and their records still show as arrow anchors and in details.
 */
export function barsFromChanges(
  changes: readonly StateChange[],
  startUs: number,
  endUs: number,
  initial: BarState,
): Bar[] {
  const bars: Bar[] = [];
  let state: BarState = changes[0]?.from ?? initial;
  let since = startUs;
  let seq: number | null = null;
  for (const change of changes) {
    if (change.t > since) bars.push({ startUs: since, endUs: change.t, state, seq });
    since = Math.max(since, change.t);
    state = change.to;
    seq = change.seq;
  }
  if (endUs > since) bars.push({ startUs: since, endUs, state, seq });
  return bars;
}

/**
 * Lifecycle bars of one component from its `state` records (sorted): as
 * barsFromChanges, read straight from the records (a lane of a day has tens
 * of thousands, and first view waits for every lane).
 */
export function lifecycleBars(records: readonly TraceRecord[], startUs: number, endUs: number): Bar[] {
  const bars: Bar[] = [];
  let state: BarState | undefined;
  let since = startUs;
  let seq: number | null = null;
  for (const r of records) {
    if (r.type !== 'state') continue;
    state ??= r.from;
    if (r.t > since) bars.push({ startUs: since, endUs: r.t, state, seq });
    since = Math.max(since, r.t);
    state = r.to;
    seq = r.seq;
  }
  if (endUs > since) bars.push({ startUs: since, endUs, state: state ?? 'stopped', seq });
  return bars;
}

/** Power bars of the system lane from `power` records (sorted); 'up' when there are none. */
export function powerBars(records: readonly TraceRecord[], startUs: number, endUs: number): Bar[] {
  const changes: StateChange[] = [];
  for (const r of records) if (r.type === 'power') changes.push({ t: r.t, seq: r.seq, from: r.from, to: r.to });
  const initial: PowerState = 'up';
  return barsFromChanges(changes, startUs, endUs, initial);
}

/** Share of [startUs, endUs) the bars spend in one of `states`: a lane's availability. */
export function shareIn(bars: readonly Bar[], states: ReadonlySet<BarState>, startUs: number, endUs: number): number {
  const span = endUs - startUs;
  if (span <= 0) return 0;
  let inState = 0;
  for (const bar of bars) {
    if (!states.has(bar.state)) continue;
    inState += Math.max(0, Math.min(bar.endUs, endUs) - Math.max(bar.startUs, startUs));
  }
  return inState / span;
}
