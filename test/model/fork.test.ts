import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { Simulation } from '../../sim/model/simulation.js';
import { RecordBuffer } from '../../sim/trace/recorder.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import type { Scenario } from '../../sim/scenario/types.js';

function limitsOf(scenario: Scenario) {
  return { untilUs: scenario.durationUs, eventBudget: scenario.eventBudget };
}

/** The whole run's records and how many events it handled. */
function fullRun(scenario: Scenario): { records: TraceRecord[]; events: number } {
  const sim = Simulation.create(scenario, scenario.seed);
  const buffer = new RecordBuffer(Infinity);
  sim.subscribe(buffer.sink);
  sim.start();
  sim.run(limitsOf(scenario));
  return { records: buffer.records, events: sim.engine.eventsProcessed };
}

/** Steps `k` events, forks, and runs both the fork and the original to the end. */
function forkAt(scenario: Scenario, k: number): { fork: TraceRecord[]; original: TraceRecord[]; fromSeq: number } {
  const sim = Simulation.create(scenario, scenario.seed);
  const original = new RecordBuffer(Infinity);
  sim.subscribe(original.sink);
  sim.start();
  for (let i = 0; i < k; i++) expect(sim.step(limitsOf(scenario))).toBeUndefined();
  const fork = sim.fork();
  const forked = new RecordBuffer(Infinity);
  fork.subscribe(forked.sink);
  const fromSeq = sim.recorder.nextSeq;
  fork.run(limitsOf(scenario));
  sim.run(limitsOf(scenario));
  return { fork: forked.records, original: original.records.filter((r) => r.seq >= fromSeq), fromSeq };
}

/** At most `n` event indices spread evenly over [0, events). */
function sample(events: number, n: number): number[] {
  if (events <= n) return Array.from({ length: events }, (_, i) => i);
  return Array.from({ length: n }, (_, i) => Math.floor((i * events) / n));
}

describe('a run forked at any event continues exactly as the original', () => {
  // The demos are cut to their first minute: enough to cover boots, faults, restarts and a reboot.
  const CUT_US = 60 * 1_000_000;
  const files = [
    'scenarios/netstack-reboot.yaml', 'scenarios/storage-stack.yaml', 'scenarios/flaky-driver.yaml', 'scenarios/redox/r8-restart-monitor.yaml',
    // Probe status, armed faults with a while: condition and quorum waits are state too.
    'scenarios/anchors/k8s-readiness-gates-dependents.yaml', 'scenarios/anchors/state-fault-fails-at-start-while-db-down.yaml', 'scenarios/anchors/quorum-two-of-three.yaml',
  ];
  for (const file of files) {
    test(`${file}: forks at up to 100 events give the original's records from that point`, () => {
      const loaded = loadScenarioFile(file);
      const scenario = { ...loaded, durationUs: Math.min(loaded.durationUs, CUT_US) };
      const whole = fullRun(scenario);
      expect(whole.events).toBeGreaterThan(5);
      for (const k of sample(whole.events, 100)) {
        const { fork, original, fromSeq } = forkAt(scenario, k);
        expect(original, `original after ${k} events`).toEqual(whole.records.filter((r) => r.seq >= fromSeq));
        expect(fork, `fork after ${k} events`).toEqual(original);
      }
    });
  }

  test('a fork is independent: injecting into it leaves the original untouched', () => {
    const scenario = loadScenarioFile('scenarios/netstack-reboot.yaml');
    const sim = Simulation.create(scenario, scenario.seed);
    sim.start();
    for (let i = 0; i < 3; i++) sim.step(limitsOf(scenario));
    const before = structuredClone(sim.state);
    const fork = sim.fork();
    fork.state.components[0]!.restarts = 99;
    fork.run(limitsOf(scenario));
    expect(sim.state).toEqual(before);
  });

  test('peek shows the next event without taking it; pendingEvents lists same-instant events in handling order', () => {
    const scenario = loadScenarioFile('scenarios/storage-stack.yaml');
    const sim = Simulation.create(scenario, scenario.seed);
    sim.start();
    const pending = sim.engine.pendingEvents();
    const next = sim.engine.peek();
    expect(next).toEqual(pending[0]);
    for (let i = 1; i < pending.length; i++) {
      const [a, b] = [pending[i - 1]!, pending[i]!];
      expect(a.atUs < b.atUs || (a.atUs === b.atUs && a.seq < b.seq)).toBe(true);
    }
    sim.step(limitsOf(scenario));
    expect(sim.nowUs).toBe(next!.atUs);
  });
});
