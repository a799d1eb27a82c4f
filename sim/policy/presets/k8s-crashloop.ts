import { US_PER_MIN, US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';

export const k8sCrashloop: Preset = {
  name: 'k8s-crashloop',
  summary: 'Kubernetes restartPolicy: Always with CrashLoopBackOff: at once, then 10 s doubling to 300 s, reset after 10 min running; liveness failureThreshold 3',
  source: 'kubernetes.io Pod lifecycle "Container restarts"; kubelet backoff 10 s base, 300 s cap; probe failureThreshold default 3',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'k8s-crashloop',
    when: 'always',
    delayUs: 0,
    maxRestarts: Infinity,
    heartbeatMissLimit: 3,
    backoff: { kind: 'crashloop', initialUs: 10 * US_PER_S, maxUs: 300 * US_PER_S, resetAfterUs: 10 * US_PER_MIN },
    critical,
  }),
};
