import { describe, expect, it } from 'vitest';
import { broken, booted } from './fixture.js';

describe('one-live-instance (model)', () => {
  it('breaks when a running component starts again', () => {
    const b = booted();
    const r = b.add({ type: 'state', component: '/core/app', from: 'running', to: 'starting' });
    expect(broken('one-live-instance', b.end())).toEqual([{ id: 'one-live-instance', record: r }]);
  });
  it('holds for a start from stopped', () => {
    const b = booted();
    b.add({ type: 'state', component: '/core/app', from: 'running', to: 'stopped' });
    b.add({ type: 'state', component: '/core/app', from: 'stopped', to: 'starting' });
    expect(broken('one-live-instance', b.end())).toEqual([]);
  });
});
