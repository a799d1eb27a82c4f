import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentBySlot } from '../../sim/checks/recent-by-slot.js';

/** The rule, written the plain way: per (slot, sub-slot) the last `perSlot` seqs; a seq's facts while one of its filings is the latest of them. */
class PlainRecent<F> {
  private readonly facts = new Map<number, F>();
  private readonly seqs = new Map<string, number[]>();
  constructor(private readonly perSlot: number) {}
  remember(slot: string, seq: number, facts: F, subSlot: string): void {
    const key = `${slot}\u0000${subSlot}`;
    const list = this.seqs.get(key) ?? [];
    if (list.length >= this.perSlot) this.facts.delete(list.shift()!);
    list.push(seq);
    this.seqs.set(key, list);
    this.facts.set(seq, facts);
  }
  get(seq: number): F | undefined {
    return this.facts.get(seq);
  }
  get size(): number {
    return this.facts.size;
  }
}

describe('RecentBySlot', () => {
  it('keeps the last records of each slot and forgets the older ones', () => {
    const recent = new RecentBySlot<string>(2);
    recent.remember('state', 1, 'a1', 'a');
    recent.remember('state', 2, 'b2', 'b');
    recent.remember('state', 3, 'a3', 'a');
    recent.remember('state', 4, 'a4', 'a');
    expect([1, 2, 3, 4].map((s) => recent.get(s))).toEqual([undefined, 'b2', 'a3', 'a4']);
    expect(recent.get(undefined)).toBeUndefined();
    expect(recent.size).toBe(3);
  });

  it('agrees with the plain rule over random filings, through growth and churn of its table', () => {
    agreesWithThePlainRule();
  });

  it('agrees with the plain rule when sub-slots are components kept by position (a slot turns dense once one in 8 is filed)', () => {
    // Sub-slots 0-29 are components, 30-40 are not (they stay in the map of names).
    agreesWithThePlainRule(Array.from({ length: 30 }, (_, i) => ({ name: String(i) })));
  });

  it('agrees with the plain rule when seqs come one after another, as a run files them', () => {
    agreesWithThePlainRule(undefined, 1);
    agreesWithThePlainRule(Array.from({ length: 30 }, (_, i) => ({ name: String(i) })), 1);
  });

  it('agrees with the plain rule when a few records are kept long while most come and go in one sub-slot (its window\'s stragglers)', () => {
    // Few kept, so the window stays small and a newer seq takes the place of one still kept.
    const mostlyOne = fc.oneof({ arbitrary: fc.constant(0), weight: 30 }, { arbitrary: fc.integer({ min: 1, max: 40 }), weight: 1 });
    agreesWithThePlainRule(undefined, 1, mostlyOne, 300);
    agreesWithThePlainRule(undefined, 7919, mostlyOne, 300);
  });
});

/** Random filings (sub-slots 0-40, a seq now and then filed again) give what the plain rule gives, whatever the window. */
function agreesWithThePlainRule(components?: { name: string }[], seqStep = 7919, subSlot = fc.integer({ min: 0, max: 40 }), filingsMin = 0): void {
  const filing = fc.record({ slot: fc.constantFrom('state', 'decision', 'fault'), sub: subSlot, reuse: fc.nat(30) });
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.array(filing, { minLength: filingsMin, maxLength: Math.max(400, filingsMin * 2) }), (perSlot, filings) => {
      const recent = new RecentBySlot<number>(perSlot, components);
      const plain = new PlainRecent<number>(perSlot);
      let seq = 0;
      filings.forEach(({ slot, sub, reuse }, i) => {
        // Now and then a seq filed again (an invariant files a record under its cause's seq).
        // Now and then one filed long before (a cause far back), which may have left the window's place.
        const s = reuse === 0 && seq > 0 ? (seq - 1) * seqStep : reuse === 1 && seq > 20 ? (seq - 20) * seqStep : seq++ * seqStep;
        recent.remember(slot, s, i, String(sub));
        plain.remember(slot, s, i, String(sub));
      });
      for (let s = 0; s <= seq * seqStep; s += seqStep) expect(recent.get(s)).toBe(plain.get(s));
      expect(recent.size).toBe(plain.size);
    }),
  );
}
