import type { TraceRecord } from '../../sim/trace/records.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';

/** A small seeded PRNG (mulberry32) for tests that generate their inputs: the same seed gives the same draws. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Draft = Omit<TraceRecord, 'seq' | 'cause'> & { key: number; causeKey?: number; recordKey?: number; order: number };

/**
 * A large, plausible trace for the viewer's scale test: `components` services
 * in realms of ten that crash (or hang) and get restarted by their monitor
 * over `durationUs`, until about `targetRecords` records. Every record has a
 * correct cause chain back to its fault.
 */
export function syntheticTrace(targetRecords: number, components = 120, durationUs = 3_600_000_000, seed = 7): TraceFile {
  const random = prng(seed);
  const drafts: Draft[] = [];
  let key = 0;
  let order = 0;
  const push = (record: Omit<Draft, 'key' | 'order'>): number => {
    drafts.push({ ...record, key: ++key, order: order++ } as Draft);
    return key;
  };
  const names = Array.from({ length: components }, (_, i) => `/core/realm${String(Math.floor(i / 10)).padStart(2, '0')}/service${String(i % 10)}`);
  const run = push({ t: 0, type: 'run-started', seed } as never);
  const boot = push({ t: 0, type: 'boot-started', boot: 1, causeKey: run } as never);
  const perIncident = 8.4;
  const incidents = Math.max(1, Math.floor((targetRecords - 4 - components * 2) / perIncident));
  const perComponent = Math.ceil(incidents / components);
  const spacing = durationUs / (perComponent + 1);
  let made = 0;
  names.forEach((component, c) => {
    const starting = push({ t: 1000 + c * 100, type: 'state', component, from: 'stopped', to: 'starting', causeKey: boot } as never);
    push({ t: 50_000 + c * 100, type: 'state', component, from: 'starting', to: 'running', causeKey: starting } as never);
    for (let i = 0; i < perComponent && made < incidents; i++, made++) {
      const t0 = Math.round(spacing * (i + 0.5 + random() * 0.4));
      const hang = random() < 0.15;
      let cause: number;
      if (hang) {
        const fault = push({ t: t0, type: 'fault', component, fault: 'hang', source: 'stochastic', causeKey: undefined } as never);
        const hung = push({ t: t0, type: 'state', component, from: 'running', to: 'hung', causeKey: fault } as never);
        const detected = push({ t: t0 + 3_000_000, type: 'detected', component, by: 'core_monitor', how: 'heartbeat', causeKey: hung } as never);
        const killed = push({ t: t0 + 3_000_000, type: 'killed', component, reason: 'missed heartbeat', causeKey: detected } as never);
        cause = push({ t: t0 + 3_000_000, type: 'state', component, from: 'hung', to: 'stopped', causeKey: killed } as never);
      } else {
        const fault = push({ t: t0, type: 'fault', component, fault: 'crash', source: 'stochastic', exitCode: 1 } as never);
        const term = push({ t: t0, type: 'terminated', component, termination: { kind: 'exit', exitCode: 1 }, graceful: false, causeKey: fault } as never);
        push({ t: t0, type: 'state', component, from: 'running', to: 'stopped', causeKey: term } as never);
        if (random() < 0.3) push({ t: t0, type: 'requests-lost', component, count: 1 + Math.floor(random() * 5), causeKey: term } as never);
        cause = push({ t: t0, type: 'detected', component, by: 'core_monitor', how: 'exit', causeKey: term } as never);
      }
      const tDetect = hang ? t0 + 3_000_000 : t0;
      const delay = 500_000 + Math.floor(random() * 2_000_000);
      const decision = push({ t: tDetect, type: 'decision', component, by: 'core_monitor', action: 'restart', delayUs: delay, reason: 'recovery(500ms)', causeKey: cause } as never);
      const restart = push({ t: tDetect + delay, type: 'restart', component, attempt: i + 1, causeKey: decision } as never);
      const up = push({ t: tDetect + delay, type: 'state', component, from: 'stopped', to: 'starting', causeKey: restart } as never);
      push({ t: tDetect + delay + 100_000, type: 'state', component, from: 'starting', to: 'running', causeKey: up } as never);
      if (random() < 0.01) push({ t: tDetect + delay, type: 'violation', invariant: 'restart-within-bound', message: `${component} took ${delay}us to restart`, causeKey: restart, recordKey: restart } as never);
    }
  });
  push({ t: durationUs, type: 'run-ended', outcome: 'completed', causeKey: run } as never);

  drafts.sort((a, b) => a.t - b.t || a.order - b.order);
  const seqOfKey = new Map<number, number>();
  drafts.forEach((d, seq) => seqOfKey.set(d.key, seq));
  const records = drafts.map((d, seq) => {
    const { key: _key, causeKey, recordKey, order: _order, ...rest } = d;
    const record = { ...rest, seq } as TraceRecord;
    if (causeKey !== undefined) record.cause = seqOfKey.get(causeKey)!;
    if (recordKey !== undefined && record.type === 'violation') record.record = seqOfKey.get(recordKey)!;
    return record;
  });
  return {
    format: 'recsim-trace',
    version: 1,
    seed,
    scenario: { name: 'synthetic scale test' },
    records,
    summary: {
      scenario: `synthetic: ${components} services crashing and restarting`,
      seed,
      outcome: 'completed',
      endUs: durationUs,
      events: records.length,
      records: records.length,
      reboots: { graceful: 0, ungraceful: 0 },
      restarts: { total: made, byComponent: {} },
      lostRequests: 0,
      lostDataBytes: 0,
      availability: 1,
      up: 1,
      finalStates: Object.fromEntries(names.map((n) => [n, 'running'])),
      violations: records.flatMap((r) => (r.type === 'violation' ? [{ invariant: r.invariant, message: r.message, record: r.record, kind: 'liveness' as const }] : [])),
      expectations: [],
    },
  };
}
