import { otpSupervisorPreset } from './otp-supervisor.js';
import type { Preset } from './preset.js';

// Not in the default comparison: otp-one-for-one stands for OTP there, the strategies differing only in who restarts with a child.
export const otpOneForAll: Preset = otpSupervisorPreset('one_for_all', false);
