import { countProbe } from '../../probes/counting.js';
import { firstTickThatMattersUs, tickOutcome } from '../../probes/ticks.js';
import { PROBE_KINDS } from '../../probes/types.js';
import { ROOT_MONITOR } from '../actors.js';
import { ref, type Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor, type ReactorContext, type TimerReactor } from '../reactor.js';
import { probeTargetOf } from '../probe-ticks.js';
import { systemIsStopping } from '../state.js';

/**
 * Kubernetes container probes, as the kubelet runs them
 * (kubernetes/kubernetes pkg/kubelet/prober/worker.go, `run` and `doProbe`,
 * for the clock, the kill and the refused connection):
 *
 * - A worker per probe is created with the pod and ticks on its own period
 *   from then on (`probeTicker := time.NewTicker(probeTickerPeriod)`, a first
 *   `doProbe` at once): its grid does not move when the container restarts.
 *   recsim creates the workers at each boot (the pod's creation); the random
 *   offset worker.go adds after a kubelet restart does not apply.
 * - At each tick, "Probe disabled for InitialDelaySeconds":
 *   `int32(time.Since(c.State.Running.StartedAt.Time).Seconds()) <
 *   w.spec.InitialDelaySeconds` skips the tick (whole seconds since the
 *   current container started, truncated).
 * - "Disable other probes until container has started": liveness and
 *   readiness wait for the startup probe's success; the startup probe stops
 *   once it has succeeded.
 * - A process that is not listening yet (in its warm-up) refuses the
 *   connection: the probe fails at once, not at its timeout. A hung one does
 *   not answer: it fails at `timeoutSeconds`.
 * - Results are counted in a row against failureThreshold/successThreshold
 *   (sim/probes/counting.ts). A liveness or startup Failure kills the
 *   container the kubelet's way (kuberuntime_container.go killContainer): SIGTERM,
 *   then SIGKILL once the pod's terminationGracePeriodSeconds (default 30 s;
 *   a component's `stop_timeout` stands for it) has passed. The end is a
 *   probe failure however it comes, and the restart policy decides (the
 *   watchdog column of the Restart= table; Kubernetes' Always/OnFailure
 *   restart it, with CrashLoopBackOff).
 * - Readiness: a dependent waits for its provider to be ready
 *   (sim/model/readiness.ts `isUp`); losing readiness takes nothing down
 *   (Kubernetes only removes the pod from the Service's endpoints).
 *
 * A tick that skips or whose success changes nothing is not an event:
 * only the ticks that can find something are (sim/model/probe-ticks.ts).
 */

/** terminationGracePeriodSeconds' default (k8s.io/api core/v1 PodSpec: "Defaults to 30 seconds"). */
export const TERMINATION_GRACE_PERIOD_US = 30_000_000;

function monitorName(ctx: ReactorContext, c: number): string {
  const m = ctx.topo.monitorOf[c];
  return m === undefined ? ROOT_MONITOR : ctx.topo.specs[m]!.name;
}

/** A boot creates each component's probe workers: each ticks at once, then every period (worker.go `run`). */
export const armProbes: Reactor<FactOf<'boot-started'>> = (s, _fact, ctx) => {
  const out: Command[] = [];
  ctx.topo.specs.forEach((spec, c) => {
    for (const probe of PROBE_KINDS) if (spec.probes?.[probe]) out.push({ do: 'schedule', delayUs: 0, event: { k: 'probe', c, epoch: s.epoch, probe } });
  });
  return out;
};

/**
 * One tick of a probe worker: probe the current container if it may be probed
 * now (its answer or timeout comes later), and wait for the next tick. The
 * next tick, and those after it that would do nothing while the component
 * stays as it is, are one quiet chain up to the first that can do something
 * (sim/model/probe-ticks.ts): the same outcome as ticking every period,
 * without an event per period.
 */
export const onProbe: TimerReactor<'probe'> = (s, e, ctx) => {
  if (e.epoch !== s.epoch || systemIsStopping(s)) return NO_COMMANDS;
  const target = probeTargetOf(s, ctx.topo, e.c, e.probe);
  const periodUs = target.spec.periodUs;
  const nextUs = ctx.nowUs + periodUs;
  const wakeAtUs = firstTickThatMattersUs(target, nextUs);
  const next: Command =
    wakeAtUs > nextUs ? { do: 'schedule-quiet', c: e.c, probe: e.probe, delayUs: periodUs, periodUs, wakeAtUs, event: e } : { do: 'schedule', delayUs: periodUs, event: e };
  const outcome = tickOutcome(target, ctx.nowUs);
  if (outcome === 'skip') return [next];
  // Refused at once while not listening; no answer from a hung process until the timeout.
  const delayUs = target.process!.hung ? target.spec.timeoutUs : 0;
  return [next, { do: 'schedule', delayUs, event: { k: 'probe-result', c: e.c, generation: target.process!.generation, probe: e.probe, ok: outcome === 'success' } }];
};

/** A probe's answer or timeout, counted as worker.go counts it; a liveness or startup Failure kills the container. */
export const onProbeResult: TimerReactor<'probe-result'> = (s, e, ctx) => {
  const component = s.components[e.c]!;
  const status = component.probe;
  if (e.generation !== component.generation || systemIsStopping(s) || !status || status.generation !== e.generation || status.onHold) return NO_COMMANDS;
  if (component.life.state !== 'running' && component.life.state !== 'hung') return NO_COMMANDS;
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
    // SIGTERM, SIGKILL after the grace period; recorded as the probe failure however it ends.
    out.push({
      do: 'stop',
      c: e.c,
      reason: 'probe',
      cause: detected,
      as: { kind: 'probe-failed', probe: e.probe },
      detected,
      timeoutUs: ctx.topo.specs[e.c]!.stopTimeoutUs ?? TERMINATION_GRACE_PERIOD_US,
    });
  }
  return out;
};
