import { z } from 'zod';
import { durationField } from '../format/fields.js';
import { parseDuration, type Micros } from '../engine/time.js';
import { PROBE_DEFAULTS, PROBE_KINDS, type ProbeKind, type Probes, type ProbeSpec } from '../probes/types.js';
import { ScenarioProblem, type FieldPath } from '../format/errors.js';

/**
 * The Kubernetes probe fields of a component (pod-lifecycle "Container
 * probes"; kubernetes/kubernetes pkg/kubelet/prober/worker.go) and `warmup`,
 * as written in a file, and their resolution. `../schema.ts` spreads the
 * shape into the component schema.
 */

const duration = durationField('expected a duration such as "10s"');

const threshold = z.number({ error: 'expected a whole number' }).int().min(1, { error: 'must be at least 1' });

const probe = z.strictObject({
  initial_delay: duration.optional().describe('initialDelaySeconds: no probe before this long after each container start (default 0s).'),
  period: duration.optional().describe('periodSeconds: how often the probe runs (default 10s).'),
  timeout: duration.optional().describe('timeoutSeconds: a probe not answered within this fails (default 1s).'),
  failure_threshold: threshold.optional().describe('failureThreshold: consecutive failures before the probe fails (default 3).'),
  success_threshold: threshold.optional().describe('successThreshold: consecutive successes before it succeeds (default 1; must be 1 for liveness and startup).'),
});

export const probeComponentShape = {
  probes: z
    .strictObject({
      liveness: probe.optional().describe('livenessProbe: failing it kills the container, and its restart policy acts.'),
      readiness: probe.optional().describe('readinessProbe: the component counts as up for its dependents only once it passes.'),
      startup: probe.optional().describe('startupProbe: liveness and readiness wait for it; failing it kills the container.'),
    })
    .optional()
    .describe('Kubernetes container probes, run by the component\'s monitor from each start (pod-lifecycle "Container probes").'),
  warmup: duration
    .optional()
    .describe('After each start the component answers nothing (probes fail) for this long, then is healthy: a slow starter such as a database recovering.'),
};

type ProbeInput = z.infer<typeof probe>;
export type ProbeComponentInput = { probes?: Partial<Record<ProbeKind, ProbeInput>>; warmup?: string };

function durationAt(text: string | undefined, fallback: Micros, path: FieldPath): Micros {
  if (text === undefined) return fallback;
  const parsed = parseDuration(text);
  if (typeof parsed !== 'number') throw new ScenarioProblem(path, parsed.error);
  return parsed;
}

function resolveProbe(kind: ProbeKind, input: ProbeInput, path: FieldPath): ProbeSpec {
  const spec: ProbeSpec = {
    initialDelayUs: durationAt(input.initial_delay, PROBE_DEFAULTS.initialDelayUs, [...path, 'initial_delay']),
    periodUs: durationAt(input.period, PROBE_DEFAULTS.periodUs, [...path, 'period']),
    timeoutUs: durationAt(input.timeout, PROBE_DEFAULTS.timeoutUs, [...path, 'timeout']),
    failureThreshold: input.failure_threshold ?? PROBE_DEFAULTS.failureThreshold,
    successThreshold: input.success_threshold ?? PROBE_DEFAULTS.successThreshold,
  };
  if (spec.periodUs <= 0) throw new ScenarioProblem([...path, 'period'], 'must be above 0 (periodSeconds: minimum value is 1)');
  if (spec.timeoutUs <= 0) throw new ScenarioProblem([...path, 'timeout'], 'must be above 0 (timeoutSeconds: minimum value is 1)');
  // The API refuses it (validation: "must be 1" for liveness and startup probes).
  if (kind !== 'readiness' && spec.successThreshold !== 1) throw new ScenarioProblem([...path, 'success_threshold'], `must be 1 for a ${kind} probe (Kubernetes refuses any other value)`);
  return spec;
}

/** No probes and no warmup: what `resolveProbes` gives every component that sets neither (shared, frozen). */
export const NO_PROBES: { probes?: Probes; warmupUs?: Micros } = Object.freeze({});

/** The resolved probes and warmup of a component (`path`: the component's). */
export function resolveProbes(c: ProbeComponentInput, path: FieldPath): { probes?: Probes; warmupUs?: Micros } {
  if (c.probes === undefined && c.warmup === undefined) return NO_PROBES;
  const out: { probes?: Probes; warmupUs?: Micros } = {};
  if (c.probes) {
    const probes: Probes = {};
    for (const kind of PROBE_KINDS) {
      const input = c.probes[kind];
      if (input) probes[kind] = resolveProbe(kind, input, [...path, 'probes', kind]);
    }
    out.probes = probes;
  }
  if (c.warmup !== undefined) out.warmupUs = durationAt(c.warmup, 0, [...path, 'warmup']);
  return out;
}
