import { describe, expect, test } from 'vitest';
import { dropsTemporaryChild } from '../../sim/model/reactors/monitor.js';
import type { RecoveryPolicy } from '../../sim/policy/types.js';

/** systemd job.c job_finish_and_invalidate(): a finished restart job becomes a start job, whatever Restart= says. */
describe('who a group restart leaves out', () => {
  const policy = (when: RecoveryPolicy['when']): RecoveryPolicy => ({ when, delayUs: 0, maxRestarts: Infinity, heartbeatMissLimit: 1 });
  test('an OTP temporary child (never restarted) is dropped from its group restart', () => {
    expect(dropsTemporaryChild(policy('never'), false)).toBe(true);
  });
  test('a systemd restart job starts a Restart=no unit', () => {
    expect(dropsTemporaryChild(policy('never'), true)).toBe(false);
  });
  test('a unit its policy restarts is never dropped', () => {
    expect(dropsTemporaryChild(policy('always'), false)).toBe(false);
    expect(dropsTemporaryChild(policy('on-failure'), true)).toBe(false);
  });
});
