import type { CriticalAction } from '../../sim/policy/types.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { component, describeTeeth, wrapWrite } from '../helpers/teeth.js';

const BOOTLOADER = 'scenarios/anchors/android-critical-bootloader.yaml';
const WINDOW_TARGET = 'scenarios/anchors/android-critical-window-target.yaml';

function critical(s: Scenario, name: string): Extract<CriticalAction, { kind: 'android-init' }> {
  const a = component(s, name).policy.criticalAction;
  if (a?.kind !== 'android-init') throw new Error(`${name} is not an Android critical service`);
  return a;
}

/** The reset path forgets its target: the device "reboots into the bootloader" and boots Android anyway (recsim before issue 11). */
function resetIgnoresTarget(): () => void {
  return wrapWrite('reset', (original) => (w, cmd) => original(w, { ...cmd, target: undefined }));
}

describeTeeth('Android init critical services have teeth (fatal reboot target)', [
  {
    rule: 'critical: the default fatal reboot target is the bootloader',
    file: BOOTLOADER,
    breaks: 'the fatal reboot boots Android again (target: normal)',
    mutate: (s) => { critical(s, 'vold').target = 'normal'; },
    givesAway: 'record panic culprit=vold target=bootloader: got no such record',
  },
  {
    rule: 'the device stays in the reboot target',
    file: BOOTLOADER,
    breaks: 'the model resets without its target and boots again',
    breakModel: resetIgnoresTarget,
    givesAway: 'record power from=panic to=halted: got no such record',
  },
  {
    rule: 'critical window=<mins>',
    file: WINDOW_TARGET,
    breaks: 'the window is 30 s instead of the 1 min the scenario sets',
    mutate: (s) => { critical(s, 'netd').windowUs = 30_000_000; },
    givesAway: 'reboots.ungraceful = 1: got 0',
  },
  {
    rule: 'critical target=<fatal reboot target>',
    file: WINDOW_TARGET,
    breaks: 'the target is ignored (bootloader, the default)',
    mutate: (s) => { critical(s, 'netd').target = 'bootloader'; },
    givesAway: 'record panic culprit=netd target=recovery: got no such record',
  },
]);
