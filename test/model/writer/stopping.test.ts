import { describe, expect, test } from 'vitest';
import { Simulation } from '../../../sim/model/simulation.js';
import type { Writer } from '../../../sim/model/apply.js';
import { parseScenario } from '../../../sim/scenario/load.js';

// A supervisor with two children, and a component beside it under init.
const YAML = `name: in-turn stops
duration: 1min
components:
  - { name: sup, kind: supervisor }
  - { name: a, monitor: sup }
  - { name: b, monitor: sup }
  - { name: loner }
`;

function bootedWriter(): { sim: Simulation; writer: Writer } {
  const sim = Simulation.create(parseScenario(YAML, 'in-turn.yaml'), 1);
  sim.start();
  sim.run({ untilUs: 10_000_000, eventBudget: 10_000 });
  return { sim, writer: (sim as unknown as { writer: Writer }).writer };
}

describe('a group stopped in turn (OTP terminate_children)', () => {
  test('a member stopped after its sibling is queued for that sibling\'s end', () => {
    const { sim, writer } = bootedWriter();
    const [a, b] = [sim.topo.index.get('a')!, sim.topo.index.get('b')!];
    writer.applyBatch([{ do: 'stop-group', members: [{ c: b, waitingFor: 0 }, { c: a, waitingFor: 1, after: b }], reason: 'policy', cause: 0 }]);
    expect(sim.state.components[b]!.life.state).toBe('stopping');
    expect(sim.state.components[a]!.queuedStop).toMatchObject({ waitingFor: 1, after: b });
  });

  // advanceStopGroup looks for the next member among the siblings of the one that ended: any other in-turn group is refused, loudly.
  test('a member stopped in turn after a component that is not its sibling is refused', () => {
    const { sim, writer } = bootedWriter();
    const [a, loner] = [sim.topo.index.get('a')!, sim.topo.index.get('loner')!];
    expect(() => writer.applyBatch([{ do: 'stop-group', members: [{ c: loner, waitingFor: 0 }, { c: a, waitingFor: 1, after: loner }], reason: 'policy', cause: 0 }])).toThrow(/a is stopped in turn after loner, which is not its sibling/);
  });
});
