import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVARIANTS } from '../../sim/checks/invariants.js';
import { describeFault } from '../../sim/explore/fault-file.js';
import { simulate } from '../../sim/simulate.js';
import { caseArb, type GeneratedCase } from '../helpers/generated.js';
import { propertySeed } from '../helpers/property-seed.js';

const SAFETY = new Set(INVARIANTS.filter((i) => i.kind === 'safety').map((i) => i.id));
const NUM_RUNS = 1000;

/** What a failing case looks like in the report: the system file and its faults, readable. */
function show(c: GeneratedCase): string {
  return `${JSON.stringify(c.file)}\nseed ${c.scenario.seed}; faults:\n${c.scenario.faults.map((f) => `  - ${describeFault(f)}`).join('\n')}`;
}

describe('the sound model over generated systems and fault schedules', () => {
  it(`keeps every safety invariant (${NUM_RUNS} runs)`, () => {
    const seed = propertySeed('safety');
    fc.assert(
      fc.property(caseArb(), (c) => {
        const broken = simulate(c.scenario).summary.violations.filter((v) => SAFETY.has(v.invariant));
        if (broken.length > 0) throw new Error(`${broken.map((v) => `${v.invariant}: ${v.message}`).join('\n')}\n${show(c)}`);
      }),
      { seed, numRuns: NUM_RUNS },
    );
  });

  it(`recovers after the faults when every policy has a backoff (${NUM_RUNS} runs)`, () => {
    const seed = propertySeed('liveness');
    // No zero-delay policy (so no restart livelock) and no F10 supervisor (whose failed reboot
    // request is abandoned, by design): every liveness invariant must hold too.
    const arb = caseArb({ restartDelays: ['100ms', '500ms', '1s'], supervisors: false });
    fc.assert(
      fc.property(arb, (c) => {
        // recovers-from-single-fault judges the generated policies (`restart: never` leaves a component down after
        // one fault, as asked), not the model: it is no liveness invariant of the model.
        const broken = simulate(c.scenario).summary.violations.filter((v) => v.invariant !== 'recovers-from-single-fault');
        if (broken.length > 0) throw new Error(`${broken.map((v) => `${v.invariant}: ${v.message}`).join('\n')}\n${show(c)}`);
      }),
      { seed, numRuns: NUM_RUNS },
    );
  });

  it('is deterministic: the same generated case twice gives the same trace', () => {
    const seed = propertySeed('determinism');
    fc.assert(
      fc.property(caseArb(), (c) => {
        expect(JSON.stringify(simulate(c.scenario).records)).toBe(JSON.stringify(simulate(c.scenario).records));
      }),
      { seed, numRuns: 200 },
    );
  });
});
