import type { Termination } from '../vocabulary/words.js';
import { describeTermination, isFailure } from './termination.js';
import type { ExitStatus, ExitStatusRules, RestartWhen } from './types.js';

/**
 * The systemd `Restart=` table (systemd.service(5), "Table 2. Exit causes and
 * the effect of the Restart= settings"): each termination falls in one column.
 */
export type ExitCause = 'clean' | 'unclean-code' | 'unclean-signal' | 'timeout' | 'watchdog';

/**
 * SIGTERM is a clean signal for systemd (with SIGHUP, SIGINT, SIGPIPE); KILL
 * and ABRT are not. A missed heartbeat, a monitor call timing out or a failed
 * Kubernetes liveness/startup probe is the watchdog column; a stop that timed out is the timeout column.
 */
export function exitCause(termination: Termination, success: readonly ExitStatus[] = []): ExitCause {
  switch (termination.kind) {
    case 'exit':
      return termination.exitCode === 0 || success.includes(termination.exitCode) ? 'clean' : 'unclean-code';
    case 'signal':
      return termination.signal === 'term' || success.includes(termination.signal) ? 'clean' : 'unclean-signal';
    case 'stop-timeout':
      return 'timeout';
    case 'missed-heartbeat':
    case 'call-timeout':
    case 'probe-failed':
      return 'watchdog';
    case 'system-reset':
      return 'unclean-signal';
  }
}

const CAUSE_TEXT: Readonly<Record<ExitCause, string>> = {
  clean: 'a clean exit',
  'unclean-code': 'an unclean exit code',
  'unclean-signal': 'an unclean signal',
  timeout: 'a timeout',
  watchdog: 'a watchdog timeout',
};

const TABLE: Readonly<Record<RestartWhen, readonly ExitCause[]>> = {
  never: [],
  always: ['clean', 'unclean-code', 'unclean-signal', 'timeout', 'watchdog'],
  'on-success': ['clean'],
  'on-failure': ['unclean-code', 'unclean-signal', 'timeout', 'watchdog'],
  'on-abnormal': ['unclean-signal', 'timeout', 'watchdog'],
  'on-abort': ['unclean-signal'],
  'on-watchdog': ['watchdog'],
  'on-nonzero': ['unclean-code', 'unclean-signal', 'timeout', 'watchdog'],
};

/** Whether `when` restarts after a termination of this cause: one cell of the table. */
export function restartsOn(when: RestartWhen, cause: ExitCause): boolean {
  return TABLE[when].includes(cause);
}

/** The table's cells as booleans, looked up once here: a decision after every termination searched a column. */
const RESTARTS: Readonly<Record<RestartWhen, Readonly<Record<ExitCause, boolean>>>> = Object.fromEntries(
  (Object.keys(TABLE) as RestartWhen[]).map((when) => [when, Object.fromEntries((Object.keys(CAUSE_TEXT) as ExitCause[]).map((cause) => [cause, restartsOn(when, cause)]))]),
) as Readonly<Record<RestartWhen, Readonly<Record<ExitCause, boolean>>>>;

function statusOf(termination: Termination): ExitStatus | undefined {
  if (termination.kind === 'exit') return termination.exitCode;
  if (termination.kind === 'signal') return termination.signal;
  return undefined;
}

/**
 * Whether the monitor restarts, and why. RestartPreventExitStatus= wins over
 * everything, then RestartForceExitStatus=, then the table (the order of
 * systemd's service_shall_restart()).
 */
export function shouldRestart(when: RestartWhen, rules: ExitStatusRules | undefined, termination: Termination): { restart: boolean; why: string } {
  const status = statusOf(termination);
  if (status !== undefined && rules?.preventRestart.includes(status)) return { restart: false, why: `exit status ${status} prevents a restart` };
  if (status !== undefined && rules?.forceRestart.includes(status)) return { restart: true, why: `exit status ${status} forces a restart` };
  const cause = exitCause(termination, rules?.success);
  // SIGTERM is clean in systemd's table, but a failure for Redox (R1) and Kubernetes.
  const restart = when === 'on-nonzero' ? isFailure(termination) && !(status !== undefined && rules?.success.includes(status)) : RESTARTS[when][cause];
  if (when === 'on-nonzero') return { restart, why: `restart ${when} ${restart ? 'restarts' : 'does not restart'} after ${describeTermination(termination)}` };
  return { restart, why: tableWhy(when, cause) };
}

/**
 * The reason each cell of the table gives (`when` x cause), written once here:
 * a decision after every termination wrote the same words anew. on-nonzero
 * names the termination itself, so it is not in the table.
 */
const TABLE_WHY = Object.fromEntries(
  (Object.keys(TABLE) as RestartWhen[]).map((when) => [
    when,
    Object.fromEntries((Object.keys(CAUSE_TEXT) as ExitCause[]).map((cause) => [cause, `restart ${when} ${RESTARTS[when][cause] ? 'restarts' : 'does not restart'} after ${CAUSE_TEXT[cause]}`])),
  ]),
) as Readonly<Record<RestartWhen, Readonly<Record<ExitCause, string>>>>;

function tableWhy(when: RestartWhen, cause: ExitCause): string {
  return TABLE_WHY[when][cause];
}

/** The vocabularies of the systems people trust, mapped onto the systemd table. */
export const RESTART_ALIASES: Readonly<Record<string, RestartWhen>> = {
  never: 'never',
  no: 'never',
  always: 'always',
  'on-success': 'on-success',
  'on-failure': 'on-failure',
  'on-abnormal': 'on-abnormal',
  'on-abort': 'on-abort',
  'on-watchdog': 'on-watchdog',
  'on-nonzero': 'on-nonzero',
  // Erlang/OTP child restart types (supervisor(3)): transient restarts unless the exit reason is normal or shutdown.
  permanent: 'always',
  transient: 'on-failure',
  temporary: 'never',
  // Kubernetes restartPolicy: OnFailure restarts on a non-zero exit code (signals give codes 128+n).
  Always: 'always',
  OnFailure: 'on-nonzero',
  Never: 'never',
  // Redox R2: timer(ms) restarts whenever found stopped, recovery(ms) only after a failure.
  timer: 'always',
  recovery: 'on-nonzero',
};

export const restartWhenNames = Object.keys(RESTART_ALIASES) as readonly string[];
