import { describe, expect, test } from 'vitest';
import { exitCause, restartsOn, RESTART_ALIASES, shouldRestart, type ExitCause } from '../../sim/policy/restart-conditions.js';
import type { RestartWhen } from '../../sim/policy/types.js';
import type { Termination } from '../../sim/trace/records.js';

describe('the systemd Restart= table (systemd.service(5), table 2)', () => {
  const causes: ExitCause[] = ['clean', 'unclean-code', 'unclean-signal', 'timeout', 'watchdog'];
  // Rows: exit causes; columns: no, always, on-success, on-failure, on-abnormal, on-abort, on-watchdog.
  const table: Record<ExitCause, string> = {
    clean: '.XX....',
    'unclean-code': '.X.X...',
    'unclean-signal': '.X.XXX.',
    timeout: '.X.XX..',
    watchdog: '.X.XX.X',
  };
  const settings: RestartWhen[] = ['never', 'always', 'on-success', 'on-failure', 'on-abnormal', 'on-abort', 'on-watchdog'];
  for (const cause of causes) {
    test(`${cause}: ${table[cause]}`, () => {
      expect(settings.map((w) => (restartsOn(w, cause) ? 'X' : '.')).join('')).toBe(table[cause]);
    });
  }
});

describe('terminations fall in the columns systemd puts them in', () => {
  const cases: [Termination, ExitCause][] = [
    [{ kind: 'exit', exitCode: 0 }, 'clean'],
    [{ kind: 'exit', exitCode: 3 }, 'unclean-code'],
    [{ kind: 'signal', signal: 'term' }, 'clean'],
    [{ kind: 'signal', signal: 'kill' }, 'unclean-signal'],
    [{ kind: 'signal', signal: 'abort' }, 'unclean-signal'],
    [{ kind: 'stop-timeout' }, 'timeout'],
    [{ kind: 'missed-heartbeat' }, 'watchdog'],
    [{ kind: 'call-timeout' }, 'watchdog'],
  ];
  test.each(cases)('%j is %s', (t, cause) => expect(exitCause(t)).toBe(cause));

  test('SuccessExitStatus= makes an exit code or a signal clean', () => {
    expect(exitCause({ kind: 'exit', exitCode: 42 }, [42])).toBe('clean');
    expect(exitCause({ kind: 'signal', signal: 'kill' }, ['kill'])).toBe('clean');
  });
});

describe('exit-status lists override the table in systemd order', () => {
  const rules = { success: [], preventRestart: [3, 'abort' as const], forceRestart: [0, 3] };
  test('RestartPreventExitStatus= wins, even over RestartForceExitStatus=', () => {
    expect(shouldRestart('always', rules, { kind: 'exit', exitCode: 3 }).restart).toBe(false);
    expect(shouldRestart('on-abort', rules, { kind: 'signal', signal: 'abort' }).restart).toBe(false);
  });
  test('RestartForceExitStatus= restarts even with Restart=no', () => {
    expect(shouldRestart('never', rules, { kind: 'exit', exitCode: 0 }).restart).toBe(true);
  });
  test('otherwise the table decides', () => {
    expect(shouldRestart('on-failure', rules, { kind: 'exit', exitCode: 1 }).restart).toBe(true);
    expect(shouldRestart('on-failure', rules, { kind: 'signal', signal: 'term' }).restart).toBe(false);
  });
});

describe('OTP, Kubernetes and Redox names map onto the table', () => {
  test.each([
    ['permanent', 'always'],
    ['transient', 'on-failure'],
    ['temporary', 'never'],
    ['Always', 'always'],
    ['OnFailure', 'on-nonzero'],
    ['Never', 'never'],
    ['recovery', 'on-nonzero'],
    ['timer', 'always'],
    ['no', 'never'],
  ])('%s -> %s', (alias, when) => expect(RESTART_ALIASES[alias]).toBe(when));

  test('an OTP transient child is not restarted after a normal exit or a shutdown (SIGTERM), but is after a crash', () => {
    const when = RESTART_ALIASES.transient!;
    expect(shouldRestart(when, undefined, { kind: 'exit', exitCode: 0 }).restart).toBe(false);
    expect(shouldRestart(when, undefined, { kind: 'signal', signal: 'term' }).restart).toBe(false);
    expect(shouldRestart(when, undefined, { kind: 'signal', signal: 'kill' }).restart).toBe(true);
  });
});
