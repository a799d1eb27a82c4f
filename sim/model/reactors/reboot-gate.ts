import { ref } from '../commands.js';
import type { RequestReactor } from '../reactor.js';
import { systemIsStopping } from '../state.js';

/**
 * The reboot gate, F6: reboot requests are single-flight, one reboot task at
 * most. Answered when the writer reaches the request (an earlier command of
 * the same batch may have taken the one reboot already).
 */

/** The system is already going down, or a reboot is already asked for. */
function rebootUnderWay(s: Parameters<RequestReactor<'request-reboot'>>[0]): boolean {
  return systemIsStopping(s) || s.rebootInFlight;
}

/** The component manager's or a supervisor's request, handed to the shutdown shim (F7: `forwardThroughShim`). */
export const answerRebootRequest: RequestReactor<'request-reboot'> = (s, cmd) => {
  const { culprit, reason, by, cause } = cmd;
  if (cmd.checkInFlight && rebootUnderWay(s)) return [{ do: 'write-reboot-under-way', culprit, by, cause }];
  return [{ do: 'write-reboot-request', culprit, by, mode: 'graceful', reason, cause, toShim: true }];
};

/** A policy's reboot action (systemd FailureAction, Android init, MINIX): straight to the power manager. */
export const answerPolicyReboot: RequestReactor<'policy-reboot'> = (s, cmd) => {
  const { monitor, culprit, mode, reason, cause, target } = cmd;
  if (rebootUnderWay(s)) return [];
  if (mode === 'immediate') return [{ do: 'reset', reason, culprit, cause, flushFilesystems: false, ...(target !== undefined ? { target } : {}) }];
  return [
    { do: 'write-reboot-request', culprit, by: monitor, mode: mode === 'graceful' ? 'graceful' : 'ungraceful', reason, cause },
    mode === 'graceful'
      ? { do: 'begin-shutdown', reason, culprit, cause: ref(0) }
      : { do: 'reset', reason: `${reason} (reboot-force: processes killed, filesystems flushed)`, culprit, cause: ref(0), flushFilesystems: true },
  ];
};

/** A user asks for a graceful reboot (F11: its reason is recorded). */
export const answerUserShutdown: RequestReactor<'user-shutdown'> = (s, cmd) => {
  if (rebootUnderWay(s)) return [];
  return [
    { do: 'write-reboot-request', by: 'user', mode: 'graceful', reason: cmd.reason, cause: cmd.cause },
    { do: 'begin-shutdown', reason: cmd.reason, cause: ref(0) },
  ];
};
