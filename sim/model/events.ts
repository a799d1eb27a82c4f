import type { ProbeKind } from '../probes/types.js';

/**
 * Timers the model schedules on the engine. Components are referred to by
 * index; `generation` and `epoch` let a reactor recognise a timer made stale
 * by a later termination or reboot and ignore it. Plain data, so the
 * engine's queue can be forked.
 */
export type SimEvent =
  | { k: 'fault'; fault: number; cause?: number; source: 'scripted' | 'triggered' | 'stochastic' }
  | { k: 'start-done'; c: number; generation: number }
  | { k: 'stop-done'; c: number; generation: number; cause: number }
  | { k: 'stop-timeout'; c: number; generation: number; cause: number }
  /** `quiet`: part of a restart already propagated (a try-restart, an operator's restart): it propagates nothing itself. */
  | { k: 'restart'; c: number; epoch: number; cause: number; quiet?: boolean; waitFor?: string[] }
  | { k: 'heartbeat'; c: number; generation: number }
  | { k: 'call'; c: number; generation: number }
  | { k: 'call-timeout'; c: number; generation: number; cause: number }
  | { k: 'request'; c: number }
  /** F7: the shutdown shim's liveness probe of the power manager got no answer within its connect timeout. */
  | { k: 'shim-connect-timeout'; epoch: number; cause: number; culprit?: string; reason: string; by: string }
  | { k: 'boot'; cause: number }
  /** Kubernetes: one tick of the component's probe worker for this boot (pkg/kubelet/prober/worker.go `run`): it probes whatever container runs then. */
  | { k: 'probe'; c: number; epoch: number; probe: ProbeKind }
  /** The probe's answer (`ok`), or its timeout. */
  | { k: 'probe-result'; c: number; generation: number; probe: ProbeKind; ok: boolean };

export type SimEventKind = SimEvent['k'];
