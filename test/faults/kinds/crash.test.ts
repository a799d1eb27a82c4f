import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe('crash: X ends with an exit code (or a signal): a failure, restarted by an on-failure policy', () => {
  test('a crash with exit code 3 ends app; its on-failure policy restarts it 1 s later', () => {
    const trace = runWith(`  - { at: 5s, crash: app, exit_code: 3 }`);
    expect(storyFrom(trace, 5, ['fault', 'terminated', 'restart', 'state'])).toEqual([
      '5.000s fault app crash',
      '5.000s terminated app exit 3',
      '5.000s state app running->stopped',
      '6.000s restart app',
      '6.000s state app stopped->starting',
      '6.100s state app starting->running',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
