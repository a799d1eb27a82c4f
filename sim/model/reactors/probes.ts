import { countProbe, probeRuns } from '../../probes/counting.js';
import { PROBE_KINDS } from '../../probes/types.js';
import { ROOT_MONITOR } from '../actors.js';
import { ref, type Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import type { Reactor, ReactorContext, TimerReactor } from '../reactor.js';
import { systemIsStopping } from '../state.js';

/**
 * Kubernetes container probes, as the kubelet runs them
 * (kubernetes/kubernetes pkg/kubelet/prober/worker.go, `run` and `doProbe`):
 *
 * - Each probe ticks every `periodSeconds`; "Probe disabled for
 *   InitialDelaySeconds" after the container's start. The kubelet's ticker
 *   runs from the worker's creation (with a random offset after a kubelet
 *   restart); recsim starts it at each container start plus the initial
 *   delay, so the first probe is exactly `initial_delay` after the start:
 *   deterministic, and the same count of probes.
 * - "Disable other probes until container has started": liveness and
 *   readiness wait for the startup probe's success; the startup probe stops
 *   once it has succeeded.
 * - A probe is answered if the process runs (not hung) and its warmup ends
 *   within `timeoutSeconds`; otherwise it fails at the timeout.
 * - Results are counted in a row against failureThreshold/successThreshold
 *   (sim/probes/counting.ts). A liveness or startup Failure kills the
 *   container ("The container fails a liveness/startup check, it will need
 *   to be restarted") and its restart policy decides (the watchdog column of
 *   the Restart= table; Kubernetes' Always/OnFailure restart it, with
 *   CrashLoopBackOff). The kubelet kills with the pod's grace period
 *   (SIGTERM, then SIGKILL); recsim kills at once.
 * - Readiness: a dependent waits for its provider to be ready
 *   (sim/model/readiness.ts `isUp`); losing readiness takes nothing down
 *   (Kubernetes only removes the pod from the Service's endpoints).
 *
 * Ticks run while the process lives, one event per period and probe.
 */

function monitorName(ctx: ReactorContext, c: number): string {
  const m = ctx.topo.monitorOf[c];
  return m === undefined ? ROOT_MONITOR : ctx.topo.specs[m]!.name;
}

/** A process that reached running: each of its probes first runs `initial_delay` later. */
export const armProbes: Reactor<FactOf<'started'>> = (s, fact, ctx) => {
  const probes = ctx.topo.specs[fact.c]!.probes;
  if (!probes) return [];
  const generation = s.components[fact.c]!.generation;
  const out: Command[] = [];
  for (const probe of PROBE_KINDS) {
    const spec = probes[probe];
    if (spec) out.push({ do: 'schedule', delayUs: spec.initialDelayUs, event: { k: 'probe', c: fact.c, generation, probe } });
  }
  return out;
};

/** One tick of a probe worker: send the probe (its answer or timeout comes later) and wait for the next tick. */
export const onProbe: TimerReactor<'probe'> = (s, e, ctx) => {
  const component = s.components[e.c]!;
  const life = component.life;
  const status = component.probe;
  if (e.generation !== component.generation || systemIsStopping(s) || !status || status.generation !== e.generation) return [];
  if (life.state !== 'running' && life.state !== 'hung') return [];
  if (status.onHold || (e.probe === 'startup' && status.started)) return [];
  const specOf = ctx.topo.specs[e.c]!;
  const spec = specOf.probes![e.probe]!;
  const next: Command = { do: 'schedule', delayUs: spec.periodUs, event: e };
  if (!probeRuns(status, e.probe)) return [next];
  const answersAtUs = life.state === 'running' ? Math.max(ctx.nowUs, life.startedAtUs + (specOf.warmupUs ?? 0)) : Infinity;
  const ok = answersAtUs - ctx.nowUs <= spec.timeoutUs;
  const delayUs = ok ? answersAtUs - ctx.nowUs : spec.timeoutUs;
  return [next, { do: 'schedule', delayUs, event: { k: 'probe-result', c: e.c, generation: e.generation, probe: e.probe, ok } }];
};

/** A probe's answer or timeout, counted as worker.go counts it; a liveness or startup Failure kills the container. */
export const onProbeResult: TimerReactor<'probe-result'> = (s, e, ctx) => {
  const component = s.components[e.c]!;
  const status = component.probe;
  if (e.generation !== component.generation || systemIsStopping(s) || !status || status.generation !== e.generation || status.onHold) return [];
  if (component.life.state !== 'running' && component.life.state !== 'hung') return [];
  const spec = ctx.topo.specs[e.c]!.probes![e.probe]!;
  const counted = countProbe(status, e.probe, spec, e.ok);
  const name = ctx.topo.specs[e.c]!.name;
  const changesStatus = (e.probe === 'readiness' && counted.status.ready !== status.ready) || (e.probe === 'startup' && counted.status.started !== status.started);
  const out: Command[] = [];
  if (!e.ok || changesStatus) {
    out.push({ do: 'emit', draft: { type: 'probe', component: name, probe: e.probe, result: e.ok ? 'success' : 'failure', count: counted.count, threshold: counted.threshold }, cause: undefined });
  }
  out.push({ do: 'set-probe-status', c: e.c, status: counted.status });
  if (!e.ok && counted.reached && e.probe !== 'readiness') {
    out.push({ do: 'emit', draft: { type: 'detected', component: name, by: monitorName(ctx, e.c), how: e.probe === 'liveness' ? 'liveness-probe' : 'startup-probe' }, cause: ref(0) });
    const detected = ref(out.length - 1);
    out.push({
      do: 'kill',
      c: e.c,
      reason: `${e.probe} probe failed ${counted.count} times in a row (failureThreshold ${counted.threshold})`,
      termination: { kind: 'probe-failed', probe: e.probe },
      cause: detected,
      detected,
    });
  }
  return out;
};
