import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../helpers/trace-builder.js';
import { broken, booted } from './fixture.js';

describe('no-start-before-dependencies (R4)', () => {
  it('breaks when a component starts while a dependency is down', () => {
    const b = new TraceBuilder();
    const r = b.add({ type: 'state', component: '/core/net', from: 'stopped', to: 'starting' });
    expect(broken('no-start-before-dependencies', b.end())).toEqual([{ id: 'no-start-before-dependencies', record: r }]);
  });
  it('holds when dependencies run first', () => {
    expect(broken('no-start-before-dependencies', booted().end())).toEqual([]);
  });
});
