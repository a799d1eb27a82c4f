import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createInvariantMonitor, INVARIANTS } from '../../sim/checks/invariants.js';
import type { RecordDraft, TraceRecord } from '../../sim/trace/records.js';
import { scenarioOf } from '../helpers/trace-builder.js';

const RECORDS = 200_000;
/** Records fed before the observers are expected to have seen every kind of round the trace repeats. */
const WARM_UP = 20_000;

const SCENARIO = scenarioOf(`
name: a restart storm, with reboots and destructions
duration: 1000h
system:
  reboot_on_terminate: { enabled: true, allowlist: [/core/critical] }
components:
  - { name: /bootstrap/fs, kind: driver, dirty_data: { write_rate: 1MB/s, flush_every: 5s } }
  - { name: /core/flaky, depends: [/bootstrap/fs], restart: { when: always, delay: 100ms, max_restarts: 3 } }
  - { name: /core/child }
  - { name: /core/critical, on_terminate: reboot, main_process_critical: true }
  - { name: /core/sup, kind: supervisor, supervises: [/core/flaky], on_receive: dispatch_if_started }
`);
const NAMES = SCENARIO.components.map((c) => c.name);

/**
 * An endless trace, made as it is read (the test itself keeps no records):
 * a component that crashes and is restarted again and again, with now and
 * then a destruction, a dropped event, a panic and a graceful reboot, so that
 * every checker's per-component memory is exercised.
 */
function* restartStorm(): Generator<TraceRecord> {
  let seq = 0;
  let t = 0;
  let boot = 0;
  const queue: TraceRecord[] = [];
  const add = (draft: RecordDraft): number => {
    queue.push({ t, seq, ...draft } as TraceRecord);
    return seq++;
  };
  const bootAll = (cause?: number): void => {
    const b = add({ type: 'boot-started', boot: ++boot, cause });
    add({ type: 'power', from: 'rebooting', to: 'booting', cause: b });
    for (const name of NAMES) {
      add({ type: 'state', component: name, from: 'stopped', to: 'starting', cause: b });
      add({ type: 'state', component: name, from: 'starting', to: 'running' });
    }
    const done = add({ type: 'boot-completed', boot });
    add({ type: 'power', from: 'booting', to: 'up', cause: done });
  };
  add({ type: 'run-started', seed: 1 });
  bootAll(0);
  for (let round = 1; ; round++) {
    t += 1_000_000;
    const fault = add({ type: 'fault', component: '/core/flaky', fault: 'crash', source: 'triggered', exitCode: 1 });
    const ended = add({ type: 'terminated', component: '/core/flaky', termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause: fault });
    add({ type: 'state', component: '/core/flaky', from: 'running', to: 'stopped', cause: ended });
    add({ type: 'requests-lost', component: '/core/flaky', count: 1, cause: ended });
    const detected = add({ type: 'detected', component: '/core/flaky', by: 'init', how: 'exit', cause: ended });
    const decision = add({ type: 'decision', component: '/core/flaky', by: 'init', action: 'restart', delayUs: 100_000, reason: 'on-failure', cause: detected });
    if (round % 5 === 0) add({ type: 'event-dropped', component: '/core/flaky', event: 'stopped', reason: 'dispatch_if_started', cause: ended });
    t += 100_000;
    const restart = add({ type: 'restart', component: '/core/flaky', attempt: round, cause: decision });
    add({ type: 'state', component: '/core/flaky', from: 'stopped', to: 'starting', cause: restart });
    add({ type: 'state', component: '/core/flaky', from: 'starting', to: 'running' });
    if (round % 7 === 0) {
      const stop = add({ type: 'stop-requested', component: '/core/child', reason: 'destroy' });
      const gone = add({ type: 'terminated', component: '/core/child', termination: { kind: 'exit', exitCode: 0 }, graceful: true, cause: stop });
      add({ type: 'state', component: '/core/child', from: 'running', to: 'destroyed', cause: gone });
      add({ type: 'decision', component: '/core/child', by: 'component_manager', action: 'none', reason: 'destroyed', cause: gone });
      add({ type: 'state', component: '/core/child', from: 'destroyed', to: 'starting' });
      add({ type: 'state', component: '/core/child', from: 'starting', to: 'running' });
    }
    if (round % 11 === 0) {
      const crash = add({ type: 'fault', component: '/core/critical', fault: 'kill', source: 'scripted' });
      const ended2 = add({ type: 'terminated', component: '/core/critical', termination: { kind: 'signal', signal: 'kill' }, graceful: false, cause: crash });
      const panic = add({ type: 'panic', reason: 'critical-process-failure', culprit: '/core/critical', cause: ended2 });
      add({ type: 'power', from: 'up', to: 'panic', cause: panic });
      for (const name of NAMES) add({ type: 'state', component: name, from: 'running', to: 'stopped', cause: panic });
      t += 500_000;
      bootAll(panic);
    }
    if (round % 13 === 0) {
      const request = add({ type: 'reboot-requested', by: 'user', mode: 'graceful', reason: 'user-request' });
      const shutdown = add({ type: 'shutdown-started', mode: 'graceful', reason: 'user-request', cause: request });
      add({ type: 'power', from: 'up', to: 'shutting-down', cause: shutdown });
      for (const name of [...NAMES].reverse()) {
        const stop = add({ type: 'stop-requested', component: name, reason: 'shutdown', cause: shutdown });
        add({ type: 'data-flushed', component: name, bytes: 10, cause: stop });
        add({ type: 'state', component: name, from: 'running', to: 'stopped', cause: stop });
      }
      const done = add({ type: 'shutdown-completed', cause: shutdown });
      add({ type: 'power', from: 'shutting-down', to: 'rebooting', cause: done });
      t += 500_000;
      bootAll(done);
    }
    yield* queue.splice(0);
  }
}

function* firstRecords(n: number): Generator<TraceRecord> {
  let i = 0;
  for (const r of restartStorm()) {
    if (i++ >= n - 1) break;
    yield r;
  }
  yield { t: Number.MAX_SAFE_INTEGER, seq: Number.MAX_SAFE_INTEGER, type: 'run-ended', outcome: 'completed' };
}

/** The garbage collector, when this V8 lets a test have it. */
function collector(): (() => void) | undefined {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : undefined;
}

describe(`observers keep memory in proportion to the system, not to the run (${RECORDS} records of a restart storm)`, () => {
  it.each(INVARIANTS.map((inv) => inv.id))('%s keeps no more entries late in the run than during the warm-up', (id) => {
    const observer = INVARIANTS.find((inv) => inv.id === id)!.observe(SCENARIO);
    let warmedUpMax = 0;
    let laterMax = 0;
    let n = 0;
    for (const r of firstRecords(RECORDS)) {
      observer.onRecord(r); // violations go to the caller, which decides what to keep
      const size = observer.retained();
      if (++n <= WARM_UP) warmedUpMax = Math.max(warmedUpMax, size);
      else laterMax = Math.max(laterMax, size);
    }
    observer.finish();
    expect(n).toBe(RECORDS);
    expect(laterMax, `${id} kept ${laterMax} entries late in the run, at most ${warmedUpMax} in its first ${WARM_UP} records`).toBeLessThanOrEqual(warmedUpMax);
  });

  it('the whole monitor: the heap does not grow with the records (while keeping them would)', () => {
    const gc = collector();
    if (!gc) return; // no collector in this V8: the per-observer sizes above still hold
    const heapMb = (): number => {
      gc();
      return process.memoryUsage().heapUsed / 2 ** 20;
    };
    const monitor = createInvariantMonitor(SCENARIO);
    // Read by hand: a for-of that breaks would close the generator.
    const records = firstRecords(RECORDS);
    const feed = (count: number): number => {
      let n = 0;
      for (let next = records.next(); !next.done; next = records.next()) {
        monitor.onRecord(next.value);
        if (++n === count) break;
      }
      return n;
    };
    expect(feed(WARM_UP)).toBe(WARM_UP);
    const before = heapMb();
    expect(feed(Infinity)).toBe(RECORDS - WARM_UP);
    const growthMb = heapMb() - before;
    monitor.finish(); // after the measure: the monitor, and all it keeps, is alive while measured

    // The same measure notices a checker that keeps every record.
    const kept: TraceRecord[] = [];
    const keepingBefore = heapMb();
    for (const r of firstRecords(RECORDS - WARM_UP)) kept.push(r);
    const keepingGrowthMb = heapMb() - keepingBefore;
    expect(kept.length).toBe(RECORDS - WARM_UP);

    expect(keepingGrowthMb).toBeGreaterThan(16);
    expect(growthMb).toBeLessThan(4);
  });
});
