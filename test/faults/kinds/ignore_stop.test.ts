import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe('ignore_stop: X ignores stop requests: every stop runs into the stop timeout and a kill (F8, R5)', () => {
  test('in the shutdown at 6 s app ignores its stop request and is killed at the 5 s stop timeout', () => {
    const trace = runWith(`  - { at: 5s, ignore_stop: app }
  - { at: 6s, shutdown: user-request }`);
    expect(storyFrom(trace, 6, ['stop-requested', 'killed', 'terminated'])).toEqual([
      '6.000s stop-requested app shutdown',
      '6.000s stop-requested /core/net shutdown',
      '6.050s terminated /core/net exit 0',
      '11.000s killed app',
      '11.000s terminated app stop-timeout',
      '11.000s stop-requested store shutdown',
      '11.050s terminated store exit 0',
      '11.050s stop-requested power shutdown',
      '11.100s terminated power exit 0',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 1, ungraceful: 0 });
  });
});
