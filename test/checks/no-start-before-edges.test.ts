import { describe, expect, it } from 'vitest';
import { checkInvariants, invariantById } from '../../sim/checks/invariants.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import { scenarioOf, TraceBuilder } from '../helpers/trace-builder.js';

/** no-start-before-dependencies judges systemd's edge kinds (sim/scenario/edges.ts) as systemd does. */
const EDGES = scenarioOf(`
name: edges fixture
duration: 1min
components:
  - { name: db }
  - { name: ordered, after: [db] }
  - { name: wanting, wants: [db] }
  - { name: requiring, requires: [db] }
  - { name: verifying, requisite: [db] }
`);

function broken(records: readonly TraceRecord[]): string[] {
  return checkInvariants(records, EDGES, [invariantById('no-start-before-dependencies')!]).map((v) => v.message);
}

/** db's start is under way (starting) or over (stopped); then `who` starts. */
function startWhile(db: 'starting' | 'stopped', who: string): TraceRecord[] {
  const b = new TraceBuilder().bootWith([]);
  b.add({ type: 'state', component: 'db', from: 'stopped', to: 'starting' });
  if (db === 'stopped') b.add({ type: 'state', component: 'db', from: 'starting', to: 'stopped' });
  b.add({ type: 'state', component: who, from: 'stopped', to: 'starting' });
  return b.end();
}

describe('no-start-before-dependencies over After=, Wants=, Requires=, Requisite=', () => {
  it('After=: starting while the unit it is ordered after is still starting breaks it', () => {
    expect(broken(startWhile('starting', 'ordered'))).toEqual(['ordered started while db (ordered after it, still starting) did not run']);
  });
  it('After=: starting after that start is over holds, even though it failed (ordering is no need)', () => {
    expect(broken(startWhile('stopped', 'ordered'))).toEqual([]);
  });
  it.each(['wanting', 'requiring'])('%s without After= orders nothing: it may start beside db', (who) => {
    expect(broken(startWhile('starting', who))).toEqual([]);
    expect(broken(startWhile('stopped', who))).toEqual([]);
  });
  it('Requisite=: starting while it is not running breaks it', () => {
    expect(broken(startWhile('stopped', 'verifying'))).toEqual(['verifying started while db did not run']);
  });
});
