import type { ComponentSpec, RebootOnTerminateConfig } from '../scenario/types.js';
import type { Termination } from '../trace/records.js';
import { describeTermination, isFailure } from '../policy/termination.js';

/**
 * F1/F5: whether the component manager reboots the system because this
 * component terminated. Pure: the caller has already ruled out shutdown and
 * destruction (F2).
 */
export function shouldRebootOnTerminate(
  spec: ComponentSpec,
  termination: Termination,
  config: RebootOnTerminateConfig,
): { reboot: true; reason: string } | { reboot: false } {
  if (spec.onTerminate !== 'reboot' || !config.enabled) return { reboot: false };
  if (config.trigger === 'non-graceful-exit' && !isFailure(termination)) return { reboot: false };
  return { reboot: true, reason: `on_terminate: reboot and it terminated (${describeTermination(termination)})` };
}
