import { describe, expect, it } from 'vitest';
import { decisionPoints, scanWritingSteps } from '../../../sim/explore/exhaustive/decision-points.js';
import { Simulation } from '../../../sim/model/simulation.js';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import type { TraceRecord } from '../../../sim/trace/records.js';

describe('decision points', () => {
  it('netstack-reboot without its fault: the boot writes records at 0, 100, 200 and 300 ms; a fault can land before or after each', () => {
    const loaded = loadScenarioFile('scenarios/netstack-reboot.yaml');
    const scenario = { ...loaded, faults: [] };
    const sim = Simulation.create(scenario, scenario.seed);
    const records: TraceRecord[] = [];
    sim.subscribe((r) => records.push(r));
    sim.start();
    const steps = scanWritingSteps(sim, records, { untilUs: scenario.durationUs, eventBudget: 1000 }, 0);
    const points = decisionPoints(steps, 0, scenario.durationUs);
    expect([...new Set(points.map((p) => p.atUs / 1000))]).toEqual([0, 100, 200, 300]);
    // Each point once, in run order; the start offers only the point after it.
    expect(points[0]).toMatchObject({ stepsDone: 0, atUs: 0, side: 'after' });
    const keys = points.map((p) => `${p.stepsDone}@${p.atUs}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(points.map((p) => p.stepsDone)).toEqual([...points.map((p) => p.stepsDone)].sort((a, b) => a - b));
    // Two events at 100 ms that both write: before the first, between them, after the second.
    const at100 = points.filter((p) => p.atUs === 100_000);
    expect(at100.length).toBeGreaterThanOrEqual(2);
    expect(at100[0]!.side).toBe('before');
  });
});
