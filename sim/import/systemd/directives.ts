import { atOf, words, type Assignment } from './parse.js';

/**
 * The effective settings of one unit: assignments from the fragment and its
 * drop-ins, in reading order. systemd.unit(5): a list setting accumulates,
 * and an empty assignment (`After=`) resets the list read so far; any other
 * setting takes its last value, an empty one restoring the default.
 */
export class Directives {
  private readonly byKey = new Map<string, Assignment[]>();

  constructor(readonly assignments: readonly Assignment[]) {
    for (const a of assignments) this.byKey.set(a.key, [...(this.byKey.get(a.key) ?? []), a]);
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** The last assignment, or undefined when unset or reset by an empty one. */
  scalar(key: string): Assignment | undefined {
    const last = this.byKey.get(key)?.at(-1);
    return last === undefined || last.value === '' ? undefined : last;
  }

  /** The words of a list setting after resets, each with the file:line it came from. */
  list(key: string): { word: string; at: string }[] {
    let out: { word: string; at: string }[] = [];
    for (const a of this.byKey.get(key) ?? []) {
      if (a.value === '') out = [];
      else out.push(...words(a.value).map((word) => ({ word, at: atOf(a) })));
    }
    return out;
  }

  all(key: string): readonly Assignment[] {
    return this.byKey.get(key) ?? [];
  }

  bool(key: string, fallback: boolean): boolean {
    const a = this.scalar(key);
    if (a === undefined) return fallback;
    return /^(1|yes|y|true|t|on)$/i.test(a.value);
  }
}

/** Directives that pull other units into the boot (systemd.unit(5)). */
export const PULLS = ['Requires', 'Wants', 'BindsTo', 'Upholds'] as const;

/**
 * Directives that bear on recovery but that recsim does not model (or models
 * only in part), and why: each assignment becomes a warning.
 */
export const NOT_MODELLED: Readonly<Record<string, string>> = {
  OnFailureJobMode: 'OnFailureJobMode= is not modelled: the OnFailure= units are started with the default job mode (replace)',
  Upholds: 'Upholds= (restart the listed units whenever they stop) is not modelled; they start at boot only',
  Conflicts: 'Conflicts= between units of one boot is not modelled (each unit starts once at boot)',
  WatchdogSec: 'a hang is found only when the scenario sets system.heartbeat_period (recsim heartbeats are system-wide); then the restart table treats it as a watchdog timeout (Restart=on-watchdog)',
  TimeoutStartSec: 'recsim has no start timeout: a start takes its start latency (a slow_start fault stretches it without a timeout)',
  TimeoutAbortSec: 'the watchdog abort path is not modelled',
  RuntimeMaxSec: 'a maximum run time is not modelled',
  JobTimeoutSec: 'job timeouts are not modelled',
  JobRunningTimeoutSec: 'job timeouts are not modelled',
  JobTimeoutAction: 'job timeouts are not modelled',
  StopWhenUnneeded: 'stopping unneeded units is not modelled',
  PropagatesStopTo: 'stop propagation is modelled only through BindsTo=/PartOf=',
  StopPropagatedFrom: 'stop propagation is modelled only through BindsTo=/PartOf=',
  RestartKillSignal: 'recsim stops a process with a stop request, then a kill',
  KillSignal: 'recsim stops a process with a stop request, then a kill',
  SendSIGKILL: 'recsim always kills a process that outlives its stop timeout',
  ExitType: 'ExitType=cgroup is not modelled: the main process decides',
};

/** Directives whose every assignment is read into the scenario (or checked) by the mapper. */
export const MAPPED = new Set([
  'Restart', 'RestartSec', 'RestartSteps', 'RestartMaxDelaySec', 'SuccessExitStatus', 'RestartPreventExitStatus',
  'RestartForceExitStatus', 'StartLimitIntervalSec', 'StartLimitInterval', 'StartLimitBurst', 'StartLimitAction',
  'FailureAction', 'SuccessAction', 'Requires', 'Wants', 'BindsTo', 'PartOf', 'After', 'Before', 'TimeoutStopSec',
  'TimeoutSec', 'OnFailure', 'OnSuccess', 'Requisite', 'RestartMode', 'Type', 'RemainAfterExit', 'DefaultDependencies', 'Service', 'Unit', 'Id', 'Names', 'LoadState',
]);

export function isCondition(key: string): boolean {
  return /^(Condition|Assert)[A-Z]/.test(key);
}
