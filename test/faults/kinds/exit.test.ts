import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe('exit: X exits with code 0: stopped properly (R1), not a failure', () => {
  test('app exits 0 and stays stopped: on-failure does not restart a clean exit', () => {
    const trace = runWith(`  - { at: 5s, exit: app }`);
    expect(storyFrom(trace, 5, ['fault', 'terminated', 'restart', 'state'])).toEqual([
      '5.000s fault app exit',
      '5.000s terminated app exit 0',
      '5.000s state app running->stopped',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
