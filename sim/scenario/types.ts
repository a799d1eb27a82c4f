import type { Micros } from '../engine/time.js';
import type { RecoveryPolicy } from '../policy/types.js';
import type { FaultKindSpec } from '../faults/registry.js';
import type { RecordType } from '../trace/records.js';
import type { FaultCondition } from '../faults/condition.js';
import type { Probes } from '../probes/types.js';
import type { QuorumSpec } from './quorum.js';

/**
 * A scenario after loading: plain data, every duration resolved to
 * microseconds and every default filled in. The model reads only this; it
 * knows nothing of files.
 */
export interface Scenario {
  name: string;
  description: string;
  durationUs: Micros;
  /** Start of the heal phase: no fault is injected from then on; liveness is judged after it. */
  healUs?: Micros;
  seed: number;
  eventBudget: number;
  system: SystemConfig;
  components: ComponentSpec[];
  faults: FaultSpec[];
  expect?: Expectations;
}

export type ComponentKind =
  | 'driver'
  | 'service'
  | 'app'
  | 'monitor'
  | 'power-manager'
  | 'component-manager'
  | 'supervisor';

export interface SystemConfig {
  /** How long a stop request may take before the component is killed (F8: 5 s). */
  stopTimeoutUs: Micros;
  /** How long a kill may take to be confirmed (F8: 1 s). */
  killTimeoutUs: Micros;
  /** Time from the end of a shutdown, or a panic, to the start of the next boot. */
  resetDelayUs: Micros;
  /** How often a monitor checks that its components answer (R3: about 3 s); 0 = no heartbeats. */
  heartbeatPeriodUs: Micros;
  rebootOnTerminate: RebootOnTerminateConfig;
  /**
   * Not a delay (the file's name for it is historical): how long the shutdown
   * shim waits for a power manager that does not answer before it drives the
   * shutdown itself (F7: shutdown-shim's SERVICE_CONNECTION_TIMEOUT, 2 s).
   */
  shimDelayUs: Micros;
  /**
   * Unused by the model: component_manager awaits Admin.Reboot with no
   * timeout of its own (F7). Only the checkers' time bounds still add it.
   */
  rebootCallTimeoutUs: Micros;
  /**
   * When false the component manager does not check whether the system is
   * already shutting down before it asks for a reboot: a flaw kept on purpose
   * so that checks can be shown to catch it (F2).
   */
  checkShutdownBeforeReboot: boolean;
  /**
   * `dependency` (F8/R5): a provider stops only after its dependents.
   * `simultaneous` stops everything at once: a flaw kept on purpose.
   */
  shutdownOrder: 'dependency' | 'simultaneous';
  /**
   * R4: whether a stopped component takes its dependents down with it (and
   * brings them back). `by-monitor` (the file does not say): each dependent's
   * supervisor decides; a Redox service monitor (kind `monitor`) stops it,
   * init, the component manager and supervisors keep it.
   */
  onDependencyStop: 'keep-dependents' | 'stop-dependents' | 'by-monitor';
  /** R3: how long a monitor waits for a call's reply (about 50 ms). */
  callTimeoutUs: Micros;
}

export interface RebootOnTerminateConfig {
  /** `reboot_on_terminate_enabled` (F5); false for a nested component manager. */
  enabled: boolean;
  /** Monikers allowed to use `on_terminate: reboot` (F4); `*` ends a prefix pattern, e.g. `/core/network/*`. */
  allowlist: string[];
  /** RFC text (F1): any termination reboots; `non-graceful-exit` excludes exit code 0. */
  trigger: 'any' | 'non-graceful-exit';
  /** Realms whose child declarations may set `on_terminate: reboot` (the RFC's build-time `restricted_features` list). */
  authorizedRealms: string[];
}

export interface RequestLoad {
  /** Mean arrivals per second (Poisson). */
  ratePerS: number;
  serviceTimeUs: Micros;
  /** Block-like clients re-issue after a restart (MINIX 3); character-like ones see an error. */
  clients: 'block' | 'char';
  /** How arrivals are counted (sim/model/requests.ts): from an arrival tree at state changes, or one event each. */
  mode: 'arithmetic' | 'per-request';
}

export interface DirtyData {
  writeBytesPerS: number;
  flushEveryUs: Micros;
  /** R8: the component the data is saved to; a save needs it and what it depends on (sim/model/save-path.ts). */
  store?: string;
}

export interface ComponentSpec {
  name: string;
  kind: ComponentKind;
  depends: string[];
  /** systemd After=: ordering only (sim/scenario/edges.ts); absent when none. */
  after?: string[];
  /** systemd Requires=: pulled in on start; their stop/restart jobs propagate here. */
  requires?: string[];
  /** systemd Wants=: pulled in on start; nothing propagates. */
  wants?: string[];
  /** systemd Requisite=: must be active (or activating) when this starts; stop/restart jobs propagate here. */
  requisite?: string[];
  /** `on-demand`: not started at boot unless a component started at boot pulls it in; absent: started at boot. */
  start?: 'on-demand';
  /** The monitor component that supervises this one; undefined = the root monitor (init), which never fails. */
  monitor?: string;
  startLatencyUs: Micros;
  stopLatencyUs: Micros;
  policy: RecoveryPolicy;
  onTerminate: 'none' | 'reboot';
  mainProcessCritical: boolean;
  requests?: RequestLoad;
  dirtyData?: DirtyData;
  /** Overrides `system.stopTimeoutUs` for this component (F8: per environment); Infinity: wait for it (OTP `shutdown => infinity`). */
  stopTimeoutUs?: Micros;
  /** OTP `shutdown => brutal_kill`: a stop kills it at once, with no request first. */
  brutalKill?: boolean;
  /** Fuchsia dynamic child (F2, F3). */
  collection?: { parent: string; durability: 'transient' | 'single-run' };
  /** Supervisor (F10): the components whose Started/Stopped events it receives, and how they are delivered. */
  supervises: string[];
  onReceive: 'start' | 'dispatch_if_started';
  /** User service monitor (R8): its strategy when a core daemon its services rely on fails. */
  onCoreFailure?: CoreFailureStrategy;
  /** Monitor (R6): restart-storm guard window. */
  stormGuardUs?: Micros;
  /** Monitor (R3): period of its calls to each child. */
  callCheckEveryUs?: Micros;
  callTimeoutUs?: Micros;
  /** Quorum dependencies (`depends: { quorum: k, of: [...] }`): k of the members must run. */
  quorums?: QuorumSpec[];
  /** Kubernetes container probes (liveness, readiness, startup), counted from each start. */
  probes?: Probes;
  /** Unresponsive for this long after each start (probes fail), then healthy. */
  warmupUs?: Micros;
  /** Provenance from `recsim import`: the declaration's file:line and the file:line behind each field. */
  source?: ComponentSource;
}

/** Where an imported component came from; decisions about it cite these (sim/model/provenance.ts). */
export interface ComponentSource {
  at: string;
  fields: Readonly<Record<string, string>>;
}

export type CoreFailureStrategy = 'restart-monitor' | 'graceful-shutdown' | 'restart-dependents' | 'graceful-restart-dependents';

export type FaultTrigger =
  | { kind: 'at'; atUs: Micros }
  | { kind: 'when'; record: RecordType; component?: string; afterUs: Micros; times: number }
  | { kind: 'rate'; perUs: number; fromUs: Micros; untilUs: Micros };

/** A resolved fault: its kind's variant (sim/faults/kinds/), discriminated by `fault`, and when it happens. */
export type FaultSpec = FaultKindSpec & { trigger: FaultTrigger; condition?: FaultCondition };

export interface RecordPattern {
  type: RecordType;
  component?: string;
  /** Any further fields must match exactly, e.g. `{ action: restart }`. */
  fields: Record<string, string | number | boolean>;
}

export interface Expectations {
  reboots?: { graceful?: number; ungraceful?: number };
  restarts?: { total?: number; byComponent: Record<string, number> };
  finalStates?: Record<string, string>;
  violations?: 'none' | string[];
  lostRequests?: number;
  lostDataBytes?: number;
  /** Serving time (running, ready, past warm-up) in % of the run, averaged over components, to 2 decimals. */
  availablePercent?: number;
  /** Running time in % of the run, averaged over components, to 2 decimals. */
  upPercent?: number;
  outcome?: 'completed' | 'event-budget-exhausted';
  /** Records that must appear in this order (other records may come between them). */
  records?: RecordPattern[];
  /** Records that must not appear at all. */
  absent?: RecordPattern[];
}
