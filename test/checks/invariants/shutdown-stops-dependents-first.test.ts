import { describe, expect, it } from 'vitest';
import { S, broken, booted, shutdown } from './fixture.js';

describe('shutdown-stops-dependents-first (F8, R5)', () => {
  it('breaks when a provider is asked to stop before its dependents', () => {
    const b = booted().at(5 * S);
    const s = shutdown(b);
    const r = b.add({ type: 'stop-requested', component: '/core/fs', reason: 'shutdown', cause: s });
    expect(broken('shutdown-stops-dependents-first', b.end())).toEqual([{ id: 'shutdown-stops-dependents-first', record: r }]);
  });
  it('holds when the dependents have stopped first', () => {
    const b = booted().at(5 * S);
    const s = shutdown(b);
    for (const d of ['/core/net', '/core/app']) {
      b.add({ type: 'stop-requested', component: d, reason: 'shutdown', cause: s });
      b.add({ type: 'state', component: d, from: 'running', to: 'stopped' });
    }
    b.add({ type: 'stop-requested', component: '/core/fs', reason: 'shutdown', cause: s });
    expect(broken('shutdown-stops-dependents-first', b.end())).toEqual([]);
  });
});
