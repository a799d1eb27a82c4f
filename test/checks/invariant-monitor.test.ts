import { describe, expect, it } from 'vitest';
import { createInvariantMonitor } from '../../sim/checks/invariant-monitor.js';
import type { Invariant } from '../../sim/checks/invariants/types.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import { SYSTEM, booted } from './invariants/fixture.js';

/** An invariant that notes the records it is handed, watching `watches`. */
function noting(watches: Invariant['watches'], seen: string[]): Invariant {
  return {
    id: 'noting',
    statement: 'notes every record it is handed, for this test',
    rule: 'model',
    kind: 'safety',
    ...(watches !== undefined ? { watches } : {}),
    observe: () => ({
      onRecord(r: TraceRecord) {
        seen.push(r.type === 'state' ? `state:${r.to}` : r.type);
        return undefined;
      },
      finish: () => [],
      retained: () => 0,
    }),
  };
}

describe('the invariant monitor hands each record to the observers that watch it', () => {
  const b = booted();
  b.add({ type: 'state', component: '/core/net', from: 'running', to: 'hung' });
  b.add({ type: 'fault', component: '/core/net', fault: 'hang', source: 'scripted' });
  b.add({ type: 'violation', invariant: 'x', message: 'a report, not the system' });
  const records = b.end();
  const handed = (watches: Invariant['watches']): string[] => {
    const seen: string[] = [];
    const monitor = createInvariantMonitor(SYSTEM, [noting(watches, seen)]);
    for (const r of records) monitor.onRecord(r);
    monitor.finish();
    return seen;
  };
  const all = records.filter((r) => r.type !== 'violation').map((r) => (r.type === 'state' ? `state:${r.to}` : r.type));

  it('every record but violations to one that watches all', () => {
    expect(handed(undefined)).toEqual(all);
  });

  it('records of a type, every state record to one that watches `state`, and only those going to a state to one that watches `state:<to>`', () => {
    expect(handed(['fault'])).toEqual(['fault']);
    expect(handed(['state'])).toEqual(all.filter((k) => k.startsWith('state:')));
    expect(handed(['state:hung', 'run-ended'])).toEqual(['state:hung', 'run-ended']);
    expect(all.filter((k) => k.startsWith('state:')).length).toBeGreaterThan(1);
  });
});

describe('an observer that retires', () => {
  it('is called for no record after the one it retired at, and is still finished', () => {
    const seen: number[] = [];
    let finished = 0;
    const retiring: Invariant = {
      id: 'retiring',
      statement: 'retires at its second record, for this test',
      rule: 'model',
      kind: 'safety',
      observe(_scenario, shared) {
        const self = {
          onRecord(r: TraceRecord) {
            seen.push(r.seq);
            if (seen.length === 2) shared?.retire?.(self);
            return undefined;
          },
          finish: () => {
            finished++;
            return [];
          },
          retained: () => 0,
        };
        return self;
      },
    };
    const others: string[] = [];
    const monitor = createInvariantMonitor(SYSTEM, [retiring, noting(undefined, others)]);
    const records = booted().end();
    for (const r of records) monitor.onRecord(r);
    monitor.finish();
    expect(seen).toEqual(records.slice(0, 2).map((r) => r.seq));
    expect(others.length).toBe(records.length);
    expect(finished).toBe(1);
  });
});
