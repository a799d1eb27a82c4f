import { lifecycleBars, powerBars, shareIn } from './bars.js';
import { counterSeries } from './counters.js';
import { monitorsOf, NO_MONITOR, realmOf, shortLabel } from './groups.js';
import { groupMarks } from './coincident.js';
import { findIncidents, type Incident, type TraceIncidents } from './incidents.js';
import type { BarState, GroupBy, IndexedTrace, Lane, TimelineModel } from './model.js';
import { createSeqMap, maxSeqOf, type SeqMap } from './seq-map.js';
import { byTimeThenSeq } from './sorted.js';
import type { RecordType, TraceFile, TraceRecord } from './trace-types.js';

export interface NamedTrace {
  name: string;
  file: TraceFile;
}

export const SYSTEM_GROUP = 'system';
const RUNNING: ReadonlySet<BarState> = new Set(['running']);
const UP: ReadonlySet<BarState> = new Set(['up']);
const SYSTEM = '@system';

/** Where one trace's run ended: its summary's end, else its last record (records sorted by time). */
function runEndOf(file: TraceFile, sorted: readonly TraceRecord[]): number {
  const summaryEnd = typeof file.summary?.endUs === 'number' ? file.summary.endUs : 0;
  return Math.max(summaryEnd, sorted[sorted.length - 1]?.t ?? 0);
}

/** The time span the timeline covers: from 0 (or an earlier record, sorted first) to the end of the longest run. */
function extentOf(sortedFirsts: readonly (number | undefined)[], ends: readonly number[]): { startUs: number; endUs: number } {
  const startUs = Math.min(0, ...sortedFirsts.filter((t): t is number => t !== undefined));
  let endUs = Math.max(0, ...ends);
  if (endUs <= startUs) endUs = startUs + 1;
  return { startUs, endUs };
}

interface PerTrace {
  sorted: readonly TraceRecord[];
  maxSeq: number;
  bySeq: SeqMap<TraceRecord>;
  byType: Map<RecordType, TraceRecord[]>;
  /** Records on each component's lane; the others sit on the system lane. */
  byComponent: Map<string, TraceRecord[]>;
  system: TraceRecord[];
}

/** The component whose lane shows a record: its own, or for a violation the blamed record's. */
function laneComponentOf(r: TraceRecord, bySeq: SeqMap<TraceRecord>): string | undefined {
  if (typeof r.component === 'string') return r.component;
  if (r.type === 'violation') {
    const blamedSeq = r.record ?? r.cause;
    const blamed = blamedSeq === undefined ? undefined : bySeq.get(blamedSeq)?.component;
    if (typeof blamed === 'string') return blamed;
  }
  return undefined;
}

function splitByLane(records: readonly TraceRecord[]): PerTrace {
  const sorted = byTimeThenSeq(records);
  const maxSeq = maxSeqOf(sorted);
  const bySeq = createSeqMap<TraceRecord>(maxSeq, sorted.length);
  const byType = new Map<RecordType, TraceRecord[]>();
  for (const r of sorted) {
    bySeq.set(r.seq, r);
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  const byComponent = new Map<string, TraceRecord[]>();
  const system: TraceRecord[] = [];
  for (const r of sorted) {
    const component = laneComponentOf(r, bySeq);
    if (component !== undefined) {
      let list = byComponent.get(component);
      if (!list) byComponent.set(component, (list = []));
      list.push(r);
    } else {
      system.push(r);
    }
  }
  return { sorted, maxSeq, bySeq, byType, byComponent, system };
}

/**
 * Lays out one trace, or two for compare mode, on one time axis: a system lane
 * per trace first, then components grouped by realm or monitor, groups and
 * components in order of first appearance, the traces' lanes of one component
 * side by side.
 */
export function buildTimeline(inputs: readonly NamedTrace[], groupBy: GroupBy = 'realm'): TimelineModel {
  const split = inputs.map((i) => splitByLane(i.file.records));
  const ends = inputs.map((i, ti) => runEndOf(i.file, split[ti]!.sorted));
  const { startUs, endUs } = extentOf(split.map((s) => s.sorted[0]?.t), ends);
  const found = split.map((s, ti) => findIncidents(s.sorted, ends[ti]!));
  const incidentsOf = found.map(({ incidents }) => {
    const byComponent = new Map<string | null, Incident[]>();
    for (const incident of incidents) {
      let list = byComponent.get(incident.component);
      if (!list) byComponent.set(incident.component, (list = []));
      list.push(incident);
    }
    return byComponent;
  });
  // Who monitors whom takes a pass over every record: only when lanes are grouped by it.
  const monitors = groupBy === 'monitor' ? inputs.map((i) => monitorsOf(i.file.records)) : [];

  // Group and component order: first appearance over the traces in turn.
  const groupOrder = new Map<string, string[]>();
  const groupOfComponent = new Map<string, string>();
  split.forEach((s, ti) => {
    for (const component of s.byComponent.keys()) {
      if (groupOfComponent.has(component)) continue;
      const group = groupBy === 'realm' ? realmOf(component) : (monitors[ti]!.get(component) ?? NO_MONITOR);
      groupOfComponent.set(component, group);
      let members = groupOrder.get(group);
      if (!members) groupOrder.set(group, (members = []));
      members.push(component);
    }
  });

  const lanes: Lane[] = [];
  split.forEach((s, ti) => {
    lanes.push({
      key: `${ti}:${SYSTEM}`,
      traceIndex: ti,
      kind: 'system',
      component: null,
      group: SYSTEM_GROUP,
      label: 'power',
      // Each trace's bars stop where its run ended: a shorter run B is never drawn past its end.
      bars: powerBars(s.system, startUs, ends[ti]!),
      marks: groupMarks(s.system),
      incidents: incidentsOf[ti]!.get(null) ?? [],
      availability: 0,
    });
  });
  for (const [group, members] of groupOrder) {
    for (const component of members) {
      split.forEach((s, ti) => {
        const records = s.byComponent.get(component);
        if (!records) return;
        lanes.push({
          key: `${ti}:${component}`,
          traceIndex: ti,
          kind: 'component',
          component,
          group,
          label: shortLabel(component),
          bars: lifecycleBars(records, startUs, ends[ti]!),
          marks: groupMarks(records),
          incidents: incidentsOf[ti]!.get(component) ?? [],
          availability: 0,
        });
      });
    }
  }

  for (const lane of lanes) lane.availability = shareIn(lane.bars, lane.kind === 'system' ? UP : RUNNING, startUs, ends[lane.traceIndex]!);
  const traces = inputs.map((input, ti) => indexTrace(input, ti, split[ti]!, lanes, found[ti]!, ends[ti]!));
  return { traces, lanes, startUs, endUs, groupBy };
}

/** seq -> lane index of every record of one trace. */
function laneOfSeqOf(ti: number, split: PerTrace, lanes: readonly Lane[]): SeqMap<number> {
  const laneIndexOf = new Map<string, number>();
  lanes.forEach((lane, i) => {
    if (lane.traceIndex === ti) laneIndexOf.set(lane.component ?? SYSTEM, i);
  });
  const laneOfSeq = createSeqMap<number>(split.maxSeq, split.sorted.length);
  for (const r of split.system) laneOfSeq.set(r.seq, laneIndexOf.get(SYSTEM)!);
  for (const [component, records] of split.byComponent) {
    const lane = laneIndexOf.get(component)!;
    for (const r of records) laneOfSeq.set(r.seq, lane);
  }
  return laneOfSeq;
}

function indexTrace(input: NamedTrace, ti: number, split: PerTrace, lanes: readonly Lane[], found: TraceIncidents, endUs: number): IndexedTrace {
  const incidentOfFault = new Map(found.incidents.map((incident) => [incident.faultSeq, incident]));
  // Built at the first question (a click, the side panels), not before the first frame: painting needs none of it.
  let laneOfSeq: SeqMap<number> | undefined;
  return {
    name: input.name,
    file: input.file,
    sorted: split.sorted,
    bySeq: split.bySeq,
    byType: split.byType,
    get laneOfSeq() {
      return (laneOfSeq ??= laneOfSeqOf(ti, split, lanes));
    },
    incidents: found.incidents,
    incidentOfFault,
    rootFault: found.rootFault,
    endUs,
    counters: counterSeries(split.sorted),
  };
}
