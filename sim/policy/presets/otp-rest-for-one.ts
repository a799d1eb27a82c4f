import { otpSupervisorPreset } from './otp-supervisor.js';
import type { Preset } from './preset.js';

// Not in the default comparison: otp-one-for-one stands for OTP there, the strategies differing only in who restarts with a child.
export const otpRestForOne: Preset = otpSupervisorPreset('rest_for_one', false);
