import { US_PER_MIN, US_PER_MS, US_PER_S } from '../engine/time.js';
import type { RecoveryPolicy } from './types.js';

/** What a preset may depend on besides its own numbers: whether the scenario marks the component critical. */
export interface PresetTraits {
  critical: boolean;
}

export interface Preset {
  name: string;
  /** One line: what it is. */
  summary: string;
  /** Where its numbers come from. */
  source: string;
  build(traits: PresetTraits): RecoveryPolicy;
}

const DAY_US = 24 * 60 * US_PER_MIN;

/** systemd's built-in defaults (systemd-system.conf(5), systemd.unit(5)): RestartSec=100ms, 5 starts per 10 s. */
const SYSTEMD_START_LIMIT = { burst: 5, intervalUs: 10 * US_PER_S } as const;

export const PRESETS: readonly Preset[] = [
  {
    name: 'systemd-default',
    summary: 'systemd unit with Restart=on-failure and the stock defaults; critical units reboot (FailureAction=/StartLimitAction=reboot)',
    source: 'systemd.service(5): RestartSec= defaults to 100ms; systemd-system.conf(5): DefaultStartLimitIntervalSec=10s, DefaultStartLimitBurst=5',
    build: ({ critical }) => ({
      preset: 'systemd-default',
      when: 'on-failure',
      delayUs: 100 * US_PER_MS,
      maxRestarts: Infinity,
      heartbeatMissLimit: 1, // WatchdogSec=: the first missed keep-alive kills the service
      backoff: { kind: 'fixed' },
      startLimit: { ...SYSTEMD_START_LIMIT, action: critical ? 'reboot' : 'none' },
      failureAction: critical ? 'reboot' : 'none',
      critical,
    }),
  },
  {
    name: 'systemd-backoff',
    summary: 'systemd Restart=on-failure with RestartSec=10s, RestartSteps=4, RestartMaxDelaySec=160s: 10, 20, 40, 80, 160, 160 s',
    source: 'systemd.service(5) RestartSteps=/RestartMaxDelaySec= (systemd 254), service_restart_usec_next(); start limit 5 per 10 s',
    build: ({ critical }) => ({
      preset: 'systemd-backoff',
      when: 'on-failure',
      delayUs: 10 * US_PER_S,
      maxRestarts: Infinity,
      heartbeatMissLimit: 1,
      backoff: { kind: 'steps', steps: 4, maxDelayUs: 160 * US_PER_S },
      startLimit: { ...SYSTEMD_START_LIMIT, action: critical ? 'reboot' : 'none' },
      failureAction: critical ? 'reboot' : 'none',
      critical,
    }),
  },
  ...(['one_for_one', 'one_for_all', 'rest_for_one'] as const).map(
    (strategy): Preset => ({
      name: `otp-${strategy.replaceAll('_', '-')}`,
      summary: `Erlang/OTP supervisor, strategy ${strategy}, permanent children restarted at once, intensity 1 per 5 s; exceeding it escalates (at the top: reboot)`,
      source: 'OTP supervisor(3): intensity defaults to 1 and period to 5 s; restart permanent; children terminated in reverse start order',
      build: ({ critical }) => ({
        preset: `otp-${strategy.replaceAll('_', '-')}`,
        when: 'always',
        delayUs: 0,
        maxRestarts: Infinity,
        heartbeatMissLimit: 1,
        supervisor: { strategy, intensity: { maxRestarts: 1, periodUs: 5 * US_PER_S } },
        rootSupervisor: { strategy, intensity: { maxRestarts: 1, periodUs: 5 * US_PER_S } },
        critical,
      }),
    }),
  ),
  {
    name: 'k8s-crashloop',
    summary: 'Kubernetes restartPolicy: Always with CrashLoopBackOff: at once, then 10 s doubling to 300 s, reset after 10 min running; liveness failureThreshold 3',
    source: 'kubernetes.io Pod lifecycle "Container restarts"; kubelet backoff 10 s base, 300 s cap; probe failureThreshold default 3',
    build: ({ critical }) => ({
      preset: 'k8s-crashloop',
      when: 'always',
      delayUs: 0,
      maxRestarts: Infinity,
      heartbeatMissLimit: 3,
      backoff: { kind: 'crashloop', initialUs: 10 * US_PER_S, maxUs: 300 * US_PER_S, resetAfterUs: 10 * US_PER_MIN },
      critical,
    }),
  },
  {
    name: 'minix-rs',
    summary: 'MINIX 3 reincarnation server: restart at once, then 2^n periods of 1 s capped at 30; killed after 2 missed pings; a critical (core) service failing panics',
    source: 'MINIX 3 servers/rs: manager.c binary exponential backoff, const.h MAX_BACKOFF 30 and RS_DELTA_T = system_hz (1 s); request.c ping timeout 2 periods',
    build: ({ critical }) => ({
      preset: 'minix-rs',
      when: 'always',
      delayUs: 0,
      maxRestarts: Infinity,
      heartbeatMissLimit: 2,
      backoff: { kind: 'minix', periodUs: US_PER_S, capPeriods: 30 },
      critical,
      criticalAction: { kind: 'reboot', mode: 'immediate', on: 'failure' },
    }),
  },
  {
    name: 'windows-scm',
    summary: 'Windows service recovery: 1st and 2nd failure restart after 1 min, subsequent: take no action (critical: restart the computer); count reset after 1 day',
    source: 'SERVICE_FAILURE_ACTIONS (winsvc.h); services.msc recovery tab default "Restart service after: 1 minute"; sc.exe failure reset= 86400',
    build: ({ critical }) => ({
      preset: 'windows-scm',
      when: 'on-failure',
      delayUs: 60 * US_PER_S,
      maxRestarts: Infinity,
      heartbeatMissLimit: 1,
      ladder: {
        actions: [
          { kind: 'restart', delayUs: 60 * US_PER_S },
          { kind: 'restart', delayUs: 60 * US_PER_S },
          critical ? { kind: 'reboot' } : { kind: 'none' },
        ],
        resetUs: DAY_US,
      },
      critical,
    }),
  },
  {
    name: 'android-critical',
    summary: 'Android init: every service restarted at its last start + restart_period 5 s; a critical one exiting more than 4 times in 4 min (or before boot completes) reboots into the bootloader',
    source: 'Android init README (system/core/init): restart_period defaults to 5s; "critical ... more than four times in four minutes or before boot completes"; service.cpp Reap()',
    build: ({ critical }) => ({
      preset: 'android-critical',
      when: 'always',
      delayUs: 0,
      maxRestarts: Infinity,
      heartbeatMissLimit: 1,
      backoff: { kind: 'restart-period', periodUs: 5 * US_PER_S },
      critical,
      criticalAction: { kind: 'android-init', maxExits: 4, windowUs: 4 * US_PER_MIN },
    }),
  },
  {
    name: 'fuchsia-rfc0110',
    summary: 'Fuchsia: components started again on their next use (modelled as at once); a critical one that terminates for any reason reboots gracefully (on_terminate: reboot)',
    source: 'Fuchsia RFC-0110 "Reboot on terminate" (F1: any termination, including a normal exit, triggers a graceful reboot)',
    build: ({ critical }) => ({
      preset: 'fuchsia-rfc0110',
      when: 'always',
      delayUs: 0,
      maxRestarts: Infinity,
      heartbeatMissLimit: 1,
      critical,
      criticalAction: { kind: 'reboot', mode: 'graceful', on: 'any' },
    }),
  },
  {
    name: 'redox-restart-dependents',
    summary: 'Redox service monitor: recovery(500ms) after failures only; a service failing again within 5 s of a restart is unresponsive (failed); dependents are restarted with it',
    source: 'Redox service-and-driver-recovery RFC (R1 exit 0 = stopped properly, R6 restart-storm guard, R8 "restart only the services that depend on it"); 500 ms and 5 s are recsim choices for "recovery(ms)" and "a few seconds"',
    build: ({ critical }) => ({
      preset: 'redox-restart-dependents',
      when: 'on-failure',
      delayUs: 500 * US_PER_MS,
      maxRestarts: Infinity,
      heartbeatMissLimit: 1,
      backoff: { kind: 'fixed' },
      stormGuardUs: 5 * US_PER_S,
      supervisor: { strategy: 'restart-dependents' },
      rootSupervisor: { strategy: 'restart-dependents' },
      critical,
    }),
  },
];

export const presetNames: readonly string[] = PRESETS.map((p) => p.name);

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
