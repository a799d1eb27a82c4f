import type { Micros } from '../engine/time.js';

/**
 * Android init's `critical` rule (system/core/init/service.cpp, Reap()):
 *
 *   if (now < time_crashed_ + fatal_crash_window_ || !boot_completed) {
 *       if (++crash_count_ > 4) -> fatal reboot into the bootloader
 *   } else { time_crashed_ = now; crash_count_ = 1; }
 *
 * The window (4 minutes) is anchored at the exit that opened it, and starts
 * anchored at boot (time_crashed_ starts at the boot clock's zero). Before
 * boot completes every exit counts. `exitsUs` are the exits so far this
 * boot, the current one last; `bootUs` is when this boot began. Replaying
 * them gives the count after the current exit; the caller reboots when it
 * exceeds `maxExits`. Past exits are taken to share the current
 * boot-completed status (boot completes once, so this errs only for exits
 * straddling the completion).
 */
export function androidCrashCount(exitsUs: readonly Micros[], bootUs: Micros, windowUs: Micros, bootCompleted: boolean): number {
  let anchorUs = bootUs;
  let count = 0;
  for (const t of exitsUs) {
    if (t < anchorUs + windowUs || !bootCompleted) count++;
    else {
      anchorUs = t;
      count = 1;
    }
  }
  return count;
}
