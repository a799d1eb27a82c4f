import { describe, expect, it } from 'vitest';
import { canonicalKey } from '../../../sim/explore/exhaustive/canonical-state.js';
import { forkAndInject } from '../../../sim/explore/exhaustive/inject.js';
import { Simulation } from '../../../sim/model/simulation.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import type { FaultSpec, Scenario } from '../../../sim/scenario/types.js';

function booted(file: string): { sim: Simulation; scenario: Scenario } {
  const loaded = loadScenarioFile(file);
  const scenario = { ...loaded, faults: [], expect: undefined };
  const sim = Simulation.create(scenario, scenario.seed);
  sim.start();
  const limits = { untilUs: 1_000_000, eventBudget: 10_000 };
  while (sim.step(limits) === undefined);
  return { sim, scenario };
}

const at = (atUs: number) => ({ kind: 'at', atUs }) as const;

describe('the canonical key of a run position', () => {
  it('a fork has the key of its original, and both move on to the same keys', () => {
    const { sim } = booted('scenarios/netstack-reboot.yaml');
    const fork = sim.fork();
    expect(canonicalKey(fork)).toBe(canonicalKey(sim));
  });

  it('a fault that changes the state changes the key; one that changes nothing (a hang of a stopped component) does not', () => {
    const { sim } = booted('scenarios/storage-stack.yaml');
    const crash: FaultSpec = { fault: 'crash', target: 'ahcid', exitCode: 1, trigger: at(sim.nowUs) };
    expect(canonicalKey(forkAndInject(sim, crash, sim.nowUs).sim)).not.toBe(canonicalKey(sim));
    const crashed = forkAndInject(sim, crash, sim.nowUs).sim;
    const hang: FaultSpec = { fault: 'hang', target: 'ahcid', trigger: at(crashed.nowUs) };
    const hung = forkAndInject(crashed, hang, crashed.nowUs);
    // The hang wrote its fault record, so every record from now on is numbered one further: the key renames record numbers.
    expect(hung.records).toHaveLength(1);
    expect(hung.sim.recorder.nextSeq).toBe(crashed.recorder.nextSeq + 1);
    expect(canonicalKey(hung.sim)).toBe(canonicalKey(crashed));
  });

  it('the same state at another instant is another key (heartbeats tick on an absolute grid; the run ends at an absolute time)', () => {
    const { sim } = booted('scenarios/netstack-reboot.yaml');
    const later = sim.fork();
    later.engine.advanceTo(later.nowUs + 1);
    expect(canonicalKey(later)).not.toBe(canonicalKey(sim));
  });

  it('refuses a state field it does not know: dedup would silently ignore it', () => {
    const { sim } = booted('scenarios/netstack-reboot.yaml');
    const fork = sim.fork();
    (fork.state.components[0] as unknown as Record<string, unknown>).newField = 1;
    expect(() => canonicalKey(fork)).toThrow(/newField.*canonical-state/);
  });
});
