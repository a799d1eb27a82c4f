import { androidCritical } from './android-critical.js';
import { fuchsiaRfc0110 } from './fuchsia-rfc0110.js';
import { k8sCrashloop } from './k8s-crashloop.js';
import { launchdKeepalive } from './launchd-keepalive.js';
import { minixRs } from './minix-rs.js';
import { otpOneForAll } from './otp-one-for-all.js';
import { otpOneForOne } from './otp-one-for-one.js';
import { otpRestForOne } from './otp-rest-for-one.js';
import type { Preset } from './preset.js';
import { redoxRestartDependents } from './redox-restart-dependents.js';
import { systemdBackoff } from './systemd-backoff.js';
import { systemdDefault } from './systemd-default.js';
import { windowsScm } from './windows-scm.js';

export type { Preset, PresetTraits } from './preset.js';

/**
 * The preset registry: every list of presets (the scenario schema's enum,
 * `recsim compare`, the README table) is derived from this one. A new
 * preset is a module beside this file, imported and listed here.
 */
export const PRESETS: readonly Preset[] = [
  systemdDefault,
  systemdBackoff,
  otpOneForOne,
  otpOneForAll,
  otpRestForOne,
  k8sCrashloop,
  minixRs,
  windowsScm,
  androidCritical,
  fuchsiaRfc0110,
  redoxRestartDependents,
  launchdKeepalive,
];

export const presetNames: readonly string[] = PRESETS.map((p) => p.name);

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
