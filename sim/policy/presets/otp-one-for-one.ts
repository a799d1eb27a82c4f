import { otpSupervisorPreset } from './otp-supervisor.js';
import type { Preset } from './preset.js';

export const otpOneForOne: Preset = otpSupervisorPreset('one_for_one', true);
