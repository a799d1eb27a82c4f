import { otpSupervisorPreset } from './otp-supervisor.js';
import type { Preset } from './preset.js';

export const otpOneForAll: Preset = otpSupervisorPreset('one_for_all');
