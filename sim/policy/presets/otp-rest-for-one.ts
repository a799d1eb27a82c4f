import { otpSupervisorPreset } from './otp-supervisor.js';
import type { Preset } from './preset.js';

export const otpRestForOne: Preset = otpSupervisorPreset('rest_for_one');
