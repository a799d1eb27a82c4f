import { describe, expect, it } from 'vitest';
import { checkInvariants, INVARIANTS, invariantById } from '../../../sim/checks/invariants.js';
import { SYSTEM, booted, shutdown } from './fixture.js';

describe('the catalogue', () => {
  it('gives every invariant a unique id, a statement, a source rule and a kind', () => {
    const ids = INVARIANTS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const inv of INVARIANTS) {
      expect(inv.statement.length).toBeGreaterThan(20);
      expect(inv.rule).toMatch(/F\d|R\d|A|model/);
      expect(['safety', 'liveness', 'policy']).toContain(inv.kind);
    }
    expect(INVARIANTS.filter((i) => i.kind === 'liveness').map((i) => i.id)).toEqual(
      expect.arrayContaining(['critical-termination-reboots', 'requested-reboot-completes', 'recovers-after-faults']),
    );
    // A restart loop is what a zero-delay, unlimited policy asks for: the policy's flaw, not the model's.
    expect(invariantById('no-restart-livelock')!.kind).toBe('policy');
  });

  it('reports violations ordered by the record that broke them', () => {
    const b = booted();
    b.add({ type: 'state', component: '/core/net', from: 'running', to: 'starting' }); // one-live-instance
    shutdown(b);
    b.add({ type: 'reboot-requested', component: '/core/net', by: 'component_manager', mode: 'graceful', reason: 'x' });
    const records = b.end();
    const seqs = checkInvariants(records, SYSTEM).map((v) => v.record ?? Infinity);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(checkInvariants(records, SYSTEM).map((v) => v.invariant)).toEqual(expect.arrayContaining(['one-live-instance', 'no-reboot-during-shutdown']));
  });
});
