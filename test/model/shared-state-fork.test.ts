import { describe, expect, test } from 'vitest';
import { scaleYaml } from '../../sim/cli/bench/scale-yaml.js';
import { Simulation } from '../../sim/model/simulation.js';
import { parseScenario } from '../../sim/scenario/load.js';
import { RecordBuffer } from '../../sim/trace/recorder.js';
import type { TraceRecord } from '../../sim/trace/records.js';

/**
 * The state shares what carries no data or the same data between components
 * (empty lists, histories, lives: sim/model/shared-empty.ts, history.ts,
 * writer/shared-lives.ts), most of all in a boot of a large tree, where
 * hundreds of components wait with one life and reach running with another.
 * A fork copies the state with `structuredClone`, which keeps those objects
 * shared in the copy but unfrozen: a writer that changed one in place would
 * change every component sharing it, and the fork would drift from the
 * original. Forked at events all through the boot and the crashes after it,
 * each fork must write what the original writes and end in the same state.
 */
describe('a fork of a state with shared parts continues exactly as the original', () => {
  const scenario = parseScenario(scaleYaml(400), 'scale-400.yaml');
  const limits = { untilUs: scenario.durationUs, eventBudget: scenario.eventBudget };

  function run(forkAfter?: number): { records: TraceRecord[]; events: number; fork?: TraceRecord[]; fromSeq?: number } {
    const sim = Simulation.create(scenario, scenario.seed);
    const original = new RecordBuffer(Infinity);
    sim.subscribe(original.sink);
    sim.start();
    if (forkAfter === undefined) {
      sim.run(limits);
      return { records: original.records, events: sim.engine.eventsProcessed };
    }
    for (let i = 0; i < forkAfter; i++) expect(sim.step(limits)).toBeUndefined();
    const fork = sim.fork();
    const forked = new RecordBuffer(Infinity);
    fork.subscribe(forked.sink);
    const fromSeq = sim.recorder.nextSeq;
    fork.run(limits);
    sim.run(limits);
    // The state too, not only the records: a shared history or list written through would show here first.
    expect(fork.state, `state of the fork after ${forkAfter} events`).toEqual(sim.state);
    return { records: original.records, events: sim.engine.eventsProcessed, fork: forked.records, fromSeq };
  }

  test('forks in the boot and after it', () => {
    const { records: whole, events } = run();
    expect(whole.filter((r) => r.type === 'state' && r.to === 'running').length).toBeGreaterThan(400);
    expect(whole.some((r) => r.type === 'terminated')).toBe(true);
    // Forks in the boot (the first events), as it ends, and through the crashes and restarts after it.
    for (const k of [0, 1, 5, 50, 200, 380, ...[0.5, 0.75, 0.9, 0.99].map((f) => Math.floor(f * events))]) {
      const { records, fork, fromSeq } = run(k);
      expect(records, `original forked after ${k} events`).toEqual(whole);
      expect(fork, `fork after ${k} events`).toEqual(whole.filter((r) => r.seq >= fromSeq!));
    }
  });
});
