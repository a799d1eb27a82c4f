import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportChromeTrace, type ChromeTraceEvent } from '../../sim/export/chrome.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';
import { fixturePath, loadFixture, seqOf } from '../helpers/fixtures.js';

const S = 1_000_000;

interface Slice {
  thread: string;
  ts: number;
  end: number;
  seq: number | undefined;
  name: string;
}

/**
 * Reads events the way Perfetto's JSON importer does (src/trace_processor/
 * importers/json, common/flow_tracker.cc): in timestamp order, ties in file
 * order; a new slice first closes the slices of its thread that ended; "s" and
 * "f" (bp "e") bind to the topmost open slice of their thread. Returns each
 * flow as [seq of the source slice, seq of the target slice].
 */
function bindLikePerfetto(events: readonly ChromeTraceEvent[]): { flows: Map<number, [number | undefined, number | undefined]>; unbound: number; slices: Slice[] } {
  const ordered = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.ph !== 'M')
    .sort((a, b) => a.e.ts! - b.e.ts! || a.i - b.i)
    .map(({ e }) => e);
  const stacks = new Map<string, Slice[]>();
  const slices: Slice[] = [];
  const starts = new Map<number, Slice | undefined>();
  const flows = new Map<number, [number | undefined, number | undefined]>();
  let unbound = 0;
  for (const e of ordered) {
    const thread = `${e.pid}/${e.tid}`;
    let stack = stacks.get(thread);
    if (!stack) stacks.set(thread, (stack = []));
    if (e.ph === 'X' || e.ph === 'i') {
      while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts!) stack.pop();
      const slice: Slice = { thread, ts: e.ts!, end: e.ts! + (e.dur ?? 0), seq: e.args?.seq as number | undefined, name: e.name };
      const parent = stack[stack.length - 1];
      if (parent) expect(slice.end, `slice ${e.name} at ${e.ts} overflows ${parent.name}`).toBeLessThanOrEqual(parent.end);
      stack.push(slice);
      slices.push(slice);
    } else if (e.ph === 's') {
      const top = stack[stack.length - 1];
      if (!top) unbound++;
      starts.set(e.id!, top);
    } else if (e.ph === 'f') {
      const top = stack[stack.length - 1];
      if (!top || !starts.get(e.id!)) unbound++;
      flows.set(e.id!, [starts.get(e.id!)?.seq, top?.seq]);
    }
  }
  return { flows, unbound, slices };
}

const fixtures = readdirSync(dirname(fixturePath('x'))).filter((n) => n.endsWith('.json'));

describe.each(fixtures)('exportChromeTrace(%s)', (name) => {
  const trace = loadFixture(name);
  const chrome = exportChromeTrace(trace);
  const events = chrome.traceEvents;

  it('is JSON that survives a round trip, with every phase Perfetto needs', () => {
    const parsed = JSON.parse(JSON.stringify(chrome)) as typeof chrome;
    expect(parsed).toEqual(chrome);
    expect(new Set(events.map((e) => e.ph))).toEqual(new Set(['M', 'X', 'i', 's', 'f']));
    for (const e of events) {
      expect(Number.isInteger(e.pid) && Number.isInteger(e.tid)).toBe(true);
      if (e.ph !== 'M') expect(Number.isInteger(e.ts)).toBe(true);
      if (e.ph === 'X') expect(e.dur).toBeGreaterThanOrEqual(0);
    }
  });

  it('names every process and thread it uses', () => {
    const named = new Set(events.filter((e) => e.name === 'thread_name').map((e) => `${e.pid}/${e.tid}`));
    const processes = new Set(events.filter((e) => e.name === 'process_name').map((e) => e.pid));
    for (const e of events.filter((x) => x.ph !== 'M')) {
      expect(named.has(`${e.pid}/${e.tid}`), `thread ${e.pid}/${e.tid}`).toBe(true);
      expect(processes.has(e.pid)).toBe(true);
    }
    const components = new Set(trace.records.flatMap((r) => (r.component === undefined ? [] : [r.component])));
    const threadNames = events.filter((e) => e.name === 'thread_name').map((e) => e.args!.name);
    expect(new Set(threadNames)).toEqual(new Set(['power', ...components]));
  });

  it('covers each thread with contiguous state slices from 0 to the end of the run', () => {
    const byThread = new Map<string, ChromeTraceEvent[]>();
    for (const e of events.filter((x) => x.ph === 'X')) {
      const key = `${e.pid}/${e.tid}`;
      byThread.set(key, [...(byThread.get(key) ?? []), e]);
    }
    for (const [thread, slices] of byThread) {
      const sorted = slices.filter((s) => s.dur! > 0).sort((a, b) => a.ts! - b.ts!);
      expect(sorted[0]!.ts, thread).toBe(0);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.ts, thread).toBe(sorted[i - 1]!.ts! + sorted[i - 1]!.dur!);
      const last = sorted[sorted.length - 1]!;
      expect(last.ts! + last.dur!).toBe(trace.summary.endUs);
    }
  });

  it('has one flow per cause link, each bound like Perfetto binds it: from the cause\'s event to the effect\'s', () => {
    const linked = trace.records.filter((r) => r.cause !== undefined);
    const starts = events.filter((e) => e.ph === 's');
    const ends = events.filter((e) => e.ph === 'f');
    expect(starts).toHaveLength(linked.length);
    expect(ends).toHaveLength(linked.length);
    expect(ends.every((e) => e.bp === 'e')).toBe(true);
    const { flows, unbound } = bindLikePerfetto(events);
    expect(unbound).toBe(0);
    for (const r of linked) expect(flows.get(r.seq + 1), `flow into record ${r.seq}`).toEqual([r.cause, r.seq]);
  });

  it('is the same for the same trace', () => {
    expect(JSON.stringify(exportChromeTrace(structuredClone(trace)))).toBe(JSON.stringify(chrome));
  });
});

describe('exportChromeTrace of the netstack reboot', () => {
  const trace = loadFixture('netstack-reboot.json');
  const events = exportChromeTrace(trace).traceEvents;
  const threadOf = (name: string): string => {
    const meta = events.find((e) => e.name === 'thread_name' && e.args!.name === name)!;
    return `${meta.pid}/${meta.tid}`;
  };
  const on = (thread: string, ph: string): ChromeTraceEvent[] => events.filter((e) => `${e.pid}/${e.tid}` === thread && e.ph === ph);

  it('shows netstack\'s lifecycle as slices', () => {
    const slices = on(threadOf('/core/network/netstack'), 'X').map((e) => [e.name, e.ts! / S, (e.ts! + e.dur!) / S]);
    expect(slices).toEqual([
      ['stopped', 0, 0.3],
      ['starting', 0.3, 0.8],
      ['running', 0.8, 30],
      ['stopped', 30, 38.8],
      ['starting', 38.8, 39.3],
      ['running', 39.3, 60],
    ]);
  });

  it('shows the power state as slices on the system process', () => {
    const power = threadOf('power');
    expect(power).toBe('1/1');
    expect(on(power, 'X').map((e) => e.name)).toEqual(['booting', 'up', 'shutting-down', 'rebooting', 'booting', 'up']);
  });

  it('marks the fault as an instant on netstack\'s thread, its record in args', () => {
    const fault = on(threadOf('/core/network/netstack'), 'i').find((e) => e.cat === 'fault')!;
    expect(fault).toMatchObject({ name: 'fault: crash', s: 't', ts: 30 * S, args: { seq: seqOf(trace, (r) => r.type === 'fault'), fault: 'crash', exitCode: 1 } });
  });

  it('groups components by realm into processes', () => {
    const processes = events.filter((e) => e.name === 'process_name').map((e) => e.args!.name);
    expect(processes).toEqual(['system', '/bootstrap', '/core/network', '/core/session']);
  });

  it('keeps a trace without power records on an "up" system lane', () => {
    const bare: TraceFile = { ...trace, records: trace.records.filter((r) => r.type !== 'power') };
    const out = exportChromeTrace(bare).traceEvents.filter((e) => e.pid === 1 && e.tid === 1 && e.ph === 'X');
    expect(out.map((e) => [e.name, e.ts, e.dur])).toEqual([['up', 0, 60 * S]]);
  });
});
