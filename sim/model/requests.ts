import type { RequestReactors } from './reactor.js';
import { answerRebootRequest, answerPolicyReboot, answerUserShutdown } from './reactors/reboot-gate.js';
import { answerCountRestart, answerRefusal, answerRelease, answerRestart, answerStartRequest } from './reactors/start-gate.js';

/**
 * Requests: commands whose outcome a rule decides from the state as the
 * writer finds it when it reaches them (after the earlier commands of the
 * same batch). The writer hands each to its pure reactor and carries out the
 * answer, at once; the decision stays out of the writer.
 */
export const REQUESTS: RequestReactors = {
  'request-start': answerStartRequest,
  'refuse-start': answerRefusal,
  release: answerRelease,
  restart: answerRestart,
  'count-restart': answerCountRestart,
  'request-reboot': answerRebootRequest,
  'policy-reboot': answerPolicyReboot,
  'user-shutdown': answerUserShutdown,
};
