import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentBySlot } from '../../sim/checks/recent-by-slot.js';
import { RecentStates } from '../../sim/checks/recent-states.js';
import type { LifecycleState, RecordOf } from '../../sim/trace/records.js';

const LIFECYCLE: LifecycleState[] = ['stopped', 'starting', 'running', 'stopping', 'hung', 'failed', 'destroyed'];

describe('RecentStates', () => {
  it('keeps the last state records of each component, as what they said (seq, component, from, to, cause)', () => {
    const states = new RecentStates(2, [{ name: 'a' }, { name: 'b' }]);
    const state = (seq: number, component: string, from: LifecycleState, to: LifecycleState, cause?: number): RecordOf<'state'> =>
      ({ t: seq * 10, seq, type: 'state', component, from, to, ...(cause !== undefined ? { cause } : {}) });
    expect(states.remember(state(1, 'a', 'stopped', 'starting'))).toBe(true);
    expect(states.remember(state(2, 'a', 'starting', 'running', 1))).toBe(true);
    expect(states.remember(state(3, 'a', 'running', 'hung', 0))).toBe(true);
    expect(states.remember(state(4, 'ghost', 'stopped', 'starting'))).toBe(false);
    expect(states.get(1)).toBeUndefined();
    expect(states.get(2)).toEqual({ seq: 2, type: 'state', component: 'a', from: 'starting', to: 'running', cause: 1 });
    expect(states.get(3)).toEqual({ seq: 3, type: 'state', component: 'a', from: 'running', to: 'hung', cause: 0 });
    expect([states.get(4), states.get(undefined), states.size]).toEqual([undefined, undefined, 2]);
  });

  it('finds what a RecentBySlot of the records (slot: state, sub-slot: component) finds, over random records', () => {
    const components = Array.from({ length: 12 }, (_, i) => ({ name: `c${i}` }));
    const record = fc.record({ at: fc.integer({ min: 0, max: 11 }), from: fc.constantFrom(...LIFECYCLE), to: fc.constantFrom(...LIFECYCLE), cause: fc.option(fc.nat(500), { nil: undefined }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(record, { maxLength: 200 }), fc.array(fc.nat(220), { maxLength: 20 }), (perComponent, drawn, askedBetween) => {
        const states = new RecentStates(perComponent, components);
        const plain = new RecentBySlot<RecordOf<'state'>>(perComponent);
        drawn.forEach(({ at, from, to, cause }, seq) => {
          const r: RecordOf<'state'> = { t: seq, seq, type: 'state', component: components[at]!.name, from, to, ...(cause !== undefined ? { cause } : {}) };
          expect(states.remember(r)).toBe(true);
          plain.remember('state', seq, r, r.component);
          // Asked in the middle of the filing too: its index by seq is rebuilt after a filing.
          if (askedBetween.includes(seq)) for (const s of askedBetween) expect(states.get(s)).toEqual(withoutInstant(plain.get(s)));
        });
        for (let seq = 0; seq <= drawn.length; seq++) expect(states.get(seq)).toEqual(withoutInstant(plain.get(seq)));
        expect(states.size).toBe(plain.size);
      }),
    );
  });
});

function withoutInstant(r: RecordOf<'state'> | undefined): Omit<RecordOf<'state'>, 't'> | undefined {
  if (r === undefined) return undefined;
  const { t: _t, ...rest } = r;
  return rest;
}
