import fc from 'fast-check';
import { faultWindowOf } from '../../sim/explore/explore.js';
import { scheduleArb } from '../../sim/explore/arbitraries.js';
import { systemFileArb, type SystemShapeOptions } from '../../sim/explore/system-arbitrary.js';
import { DEFAULT_EXPLORE_FAULT_KINDS, type ExploreFaultKind } from '../../sim/explore/vocabulary.js';
import { parseScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/types.js';

/** A generated system, loaded like a file, with a generated fault schedule and a run seed. */
export interface GeneratedCase {
  scenario: Scenario;
  file: unknown;
}

/** Systems and schedules together: the schedule is drawn over the generated system's components and fault window. */
export function caseArb(system: SystemShapeOptions = {}, kinds: readonly ExploreFaultKind[] = DEFAULT_EXPLORE_FAULT_KINDS, maxFaults = 4): fc.Arbitrary<GeneratedCase> {
  return systemFileArb(system).chain((file) => {
    const base = parseScenario(JSON.stringify(file), 'generated.json');
    const { windowUs } = faultWindowOf(base);
    const shape = { components: base.components.map((c) => c.name), kinds, windowUs, maxFaults };
    return fc.record({ faults: scheduleArb(shape), seed: fc.nat({ max: 1_000_000 }) }).map(({ faults, seed }) => ({
      scenario: { ...base, faults, seed, eventBudget: 200_000 },
      file,
    }));
  });
}
