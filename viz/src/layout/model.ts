import type { LifecycleState, PowerState, RecordType, TraceFile, TraceRecord } from './trace-types.js';
import type { MarkKind } from './marks.js';
import type { SeqMap } from './seq-map.js';
import type { CounterKey, StepSeries } from './counters.js';
import type { Incident } from './incidents.js';

/** A lifecycle bar on a component lane or a power bar on the system lane. */
export type BarState = LifecycleState | PowerState;

/** A half-open interval [startUs, endUs) during which a lane was in one state. */
export interface Bar {
  startUs: number;
  endUs: number;
  state: BarState;
  /** `seq` of the state/power record that entered this state; null for the implied initial state. */
  seq: number | null;
}

/** One record drawn as (part of) a mark. */
export interface MarkMember {
  seq: number;
  kind: MarkKind;
  type: RecordType;
}

/**
 * The records of one lane at one instant, drawn as one symbol: a fault, the
 * termination, detection and decision it caused often share a microsecond,
 * and stacked symbols could not be told apart or picked. `seq`, `kind` and
 * `type` are those of the most important member, the one drawn on top.
 */
export interface Mark extends MarkMember {
  t: number;
  /** Every record of the group in seq (causal) order; just the mark itself when it is alone. */
  members: readonly MarkMember[];
}

export interface Lane {
  /** Unique over the whole model, e.g. "0:/core/network/netstack" or "1:@system". */
  key: string;
  traceIndex: number;
  kind: 'system' | 'component';
  /** The component name; null for the system lane. */
  component: string | null;
  /** The group it is shown under: a realm ("/core/network") or a monitor. */
  group: string;
  /** Short label: the last moniker segment, or the whole name. */
  label: string;
  /** Sorted by startUs, non-overlapping. */
  bars: Bar[];
  /** Sorted by (t, seq). */
  marks: Mark[];
  /** Faults of this lane's component (of the system, on a system lane) and their recovery, by start. */
  incidents: Incident[];
  /** Share of its run the component was running (the system up, on a system lane), 0..1. */
  availability: number;
}

/** One loaded trace and its record index. */
export interface IndexedTrace {
  /** What the user knows it by: a file name, a URL or "inlined". */
  name: string;
  file: TraceFile;
  /** The records in (t, seq) order (the file's own array when it already was). */
  sorted: readonly TraceRecord[];
  bySeq: SeqMap<TraceRecord>;
  /** Records of each type present, in (t, seq) order. */
  byType: ReadonlyMap<RecordType, readonly TraceRecord[]>;
  /** seq -> index into TimelineModel.lanes of the lane the record is anchored on. */
  readonly laneOfSeq: SeqMap<number>;
  /** Every fault and its recovery, in time order. */
  incidents: Incident[];
  /** Fault seq -> its incident. */
  incidentOfFault: ReadonlyMap<number, Incident>;
  /** seq -> seq of the fault at the root of the record's causal chain. */
  rootFault: SeqMap<number>;
  /** Where this trace's run ended (its summary's endUs, else its last record). */
  endUs: number;
  /** Components up, system up, restarts and losses over time. */
  counters: Record<CounterKey, StepSeries>;
}

export type GroupBy = 'realm' | 'monitor';

export interface TimelineModel {
  traces: IndexedTrace[];
  lanes: Lane[];
  startUs: number;
  endUs: number;
  groupBy: GroupBy;
}

/** A row of the lane area: a group header, a counter track (every trace's series overlaid) or a lane. */
export type Row =
  | {
      kind: 'group';
      label: string;
      /** The lane group it heads (absent for the counters' header): what a click folds. */
      group?: string;
      /** Folded: its lanes are not listed; how many there are. */
      folded?: { lanes: number };
    }
  | { kind: 'counter'; counter: CounterKey; tracks: readonly CounterTrack[]; /** The highest value of any track (0 when it never moved). */ max: number }
  | { kind: 'lane'; lane: Lane; laneIndex: number };

/** One trace's series on a counter row. */
export interface CounterTrack {
  traceIndex: number;
  series: StepSeries;
  /** The trace's run end: the series is not drawn past it. */
  endUs: number;
}

/** Identifies one record in a (possibly compared) model. */
export interface RecordRef {
  traceIndex: number;
  seq: number;
}
