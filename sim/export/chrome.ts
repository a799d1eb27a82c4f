import type { TraceRecord } from '../trace/records.js';
import type { TraceFile } from '../trace/trace-file.js';

/**
 * Chrome Trace Event JSON (the format Perfetto and chrome://tracing open)
 * from a recsim trace. Time units match: both count microseconds.
 *
 * - each realm ("/core/network") is a process, each component a thread of it;
 *   the system's power state is the thread "power" of the process "system";
 * - a slice ("X") per component state interval and per power state interval;
 * - a thread-scoped instant ("i") per other record: faults, detections,
 *   decisions, reboots, losses, violations;
 * - a flow ("s" -> "f") per cause link, from the cause's event to the effect's.
 *
 * Perfetto binds a flow endpoint to the topmost open slice of its thread when
 * it reads the endpoint, so each endpoint is written right after the slice or
 * instant of its own record, in (t, seq) order.
 */

export interface ChromeTraceEvent {
  name: string;
  ph: 'X' | 'i' | 's' | 'f' | 'M';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  s?: 't';
  id?: number;
  bp?: 'e';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, string | number>;
}

const SYSTEM_PID = 1;
const POWER_TID = 1;

interface Thread {
  pid: number;
  tid: number;
}

/** The realm of a moniker (everything before its last segment); plain names share one process. */
function realmOf(component: string): string {
  if (!component.startsWith('/')) return 'services';
  const cut = component.lastIndexOf('/');
  return cut === 0 ? '/' : component.slice(0, cut);
}

/** Component -> thread, in order of first appearance, with the metadata naming them. */
function assignThreads(records: readonly TraceRecord[], meta: ChromeTraceEvent[]): Map<string, Thread> {
  const pids = new Map<string, number>();
  const threads = new Map<string, Thread>();
  meta.push(
    { name: 'process_name', ph: 'M', pid: SYSTEM_PID, tid: POWER_TID, args: { name: 'system' } },
    { name: 'process_sort_index', ph: 'M', pid: SYSTEM_PID, tid: POWER_TID, args: { sort_index: 0 } },
    { name: 'thread_name', ph: 'M', pid: SYSTEM_PID, tid: POWER_TID, args: { name: 'power' } },
  );
  for (const r of records) {
    const component = r.component;
    if (component === undefined || threads.has(component)) continue;
    const realm = realmOf(component);
    let pid = pids.get(realm);
    if (pid === undefined) {
      pid = SYSTEM_PID + 1 + pids.size;
      pids.set(realm, pid);
      meta.push(
        { name: 'process_name', ph: 'M', pid, tid: 0, args: { name: realm } },
        { name: 'process_sort_index', ph: 'M', pid, tid: 0, args: { sort_index: pid } },
      );
    }
    const tid = POWER_TID + 1 + threads.size;
    threads.set(component, { pid, tid });
    meta.push(
      { name: 'thread_name', ph: 'M', pid, tid, args: { name: component } },
      { name: 'thread_sort_index', ph: 'M', pid, tid, args: { sort_index: tid } },
    );
  }
  return threads;
}

/** The record's fields other than the envelope, for a slice's or instant's args. */
function argsOf(r: TraceRecord): Record<string, unknown> {
  const { t: _t, type: _type, ...rest } = r;
  return rest;
}

function instantName(r: TraceRecord): string {
  switch (r.type) {
    case 'fault':
      return `fault: ${r.fault}`;
    case 'decision':
      return `decision: ${r.action}`;
    case 'operator':
      return `operator: ${r.action}`;
    case 'detected':
      return `detected by ${r.by}`;
    case 'violation':
      return `violation: ${r.invariant}`;
    case 'reboot-requested':
      return `reboot requested (${r.mode})`;
    default:
      return r.type;
  }
}

/** Builds the Chrome Trace Event JSON object for a trace (pure; serialise it with JSON.stringify). */
export function exportChromeTrace(trace: TraceFile): ChromeTrace {
  const records = [...trace.records].sort((a, b) => a.t - b.t || a.seq - b.seq);
  const bySeq = new Map(records.map((r) => [r.seq, r]));
  const meta: ChromeTraceEvent[] = [];
  const threads = assignThreads(records, meta);
  const power: Thread = { pid: SYSTEM_PID, tid: POWER_TID };
  const startUs = Math.min(0, records[0]?.t ?? 0);
  const endUs = Math.max(trace.summary?.endUs ?? 0, records[records.length - 1]?.t ?? 0);

  const threadOf = (r: TraceRecord): Thread => {
    let component = r.component;
    // A violation sits on the lane of the record it blames (`record`, or its `cause`).
    if (component === undefined && r.type === 'violation') component = bySeq.get(r.record ?? r.cause ?? -1)?.component;
    return (component !== undefined ? threads.get(component) : undefined) ?? power;
  };

  // When each state/power record's interval ends: at the lane's next change, or the run's end.
  const intervalEnd = new Map<number, number>();
  const lastChange = new Map<string, TraceRecord>();
  const firstChange = new Map<string, TraceRecord>();
  for (const r of records) {
    if (r.type !== 'state' && r.type !== 'power') continue;
    const lane = r.type === 'power' ? '@power' : r.component;
    const previous = lastChange.get(lane);
    if (previous) intervalEnd.set(previous.seq, r.t);
    else firstChange.set(lane, r);
    lastChange.set(lane, r);
  }
  for (const r of lastChange.values()) intervalEnd.set(r.seq, endUs);

  const effects = new Map<number, number[]>();
  for (const r of records) {
    if (r.cause === undefined || !bySeq.has(r.cause)) continue;
    const list = effects.get(r.cause);
    if (list) list.push(r.seq);
    else effects.set(r.cause, [r.seq]);
  }

  const events: ChromeTraceEvent[] = [];
  // Each lane's state before its first change, from the start of the run.
  const initial = (thread: Thread, state: string, until: number): void => {
    if (until > startUs) events.push({ name: state, cat: 'state', ph: 'X', ts: startUs, dur: until - startUs, ...thread, args: { state, initial: true } });
  };
  const powerFirst = firstChange.get('@power');
  initial(power, powerFirst?.type === 'power' ? powerFirst.from : 'up', powerFirst?.t ?? endUs);
  for (const [component, thread] of threads) {
    const first = firstChange.get(component);
    initial(thread, first?.type === 'state' ? first.from : 'stopped', first?.t ?? endUs);
  }

  for (const r of records) {
    const thread = threadOf(r);
    if (r.type === 'state' || r.type === 'power') {
      const dur = (intervalEnd.get(r.seq) ?? endUs) - r.t;
      events.push({ name: r.to, cat: r.type, ph: 'X', ts: r.t, dur, ...thread, args: { from: r.from, to: r.to, ...argsOf(r) } });
    } else {
      events.push({ name: instantName(r), cat: r.type, ph: 'i', s: 't', ts: r.t, ...thread, args: argsOf(r) });
    }
    if (r.cause !== undefined && bySeq.has(r.cause)) {
      events.push({ name: 'cause', cat: 'causality', ph: 'f', bp: 'e', id: r.seq + 1, ts: r.t, ...thread });
    }
    for (const effect of effects.get(r.seq) ?? []) {
      events.push({ name: 'cause', cat: 'causality', ph: 's', id: effect + 1, ts: r.t, ...thread });
    }
  }

  const otherData: Record<string, string | number> = { generator: 'recsim', seed: trace.seed };
  if (trace.summary) {
    otherData.scenario = trace.summary.scenario;
    otherData.outcome = trace.summary.outcome;
  }
  return { traceEvents: [...meta, ...events], displayTimeUnit: 'ms', otherData };
}
