import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe('hang: X stays alive but stops answering until a heartbeat finds it (R3)', () => {
  test('store hangs at 5.5 s; the next heartbeat (6 s) finds it, and it is killed', () => {
    const trace = runWith(`  - { at: 5.5s, hang: store }`);
    expect(storyFrom(trace, 5, ['fault', 'state', 'detected', 'killed', 'terminated'])).toEqual([
      '5.500s fault store hang',
      '5.500s state store running->hung',
      '6.000s detected store init:heartbeat',
      '6.000s killed store',
      '6.000s terminated store missed-heartbeat',
      '6.000s state store hung->stopped',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
