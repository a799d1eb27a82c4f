import { describe, expect, test } from 'vitest';
import { countProbe, probeRuns } from '../../sim/probes/counting.js';
import { freshProbeStatus, PROBE_DEFAULTS, type ProbeStatus } from '../../sim/probes/types.js';

/** kubernetes/kubernetes pkg/kubelet/prober/worker.go, doProbe: results counted in a row against the thresholds. */
describe('probe results are counted in a row, as the kubelet counts them', () => {
  const liveness = { ...PROBE_DEFAULTS, failureThreshold: 3 };

  function feed(status: ProbeStatus, results: boolean[], kind: 'liveness' | 'readiness' | 'startup' = 'liveness', spec = liveness) {
    const out: { count: number; reached: boolean }[] = [];
    for (const ok of results) {
      const counted = countProbe(status, kind, spec, ok);
      out.push({ count: counted.count, reached: counted.reached });
      status = counted.status;
    }
    return { status, out };
  }

  test('a success between failures starts the count again: fail, fail, ok, fail, fail, fail reaches 3 only at the end', () => {
    const { out, status } = feed(freshProbeStatus({ liveness }, 1), [false, false, true, false, false, false]);
    expect(out.map((o) => o.count)).toEqual([1, 2, 1, 1, 2, 3]);
    expect(out.map((o) => o.reached)).toEqual([false, false, true, false, false, true]);
    // "w.onHold = true; w.resultRun = 0": the liveness worker stops until the next container.
    expect(status.onHold).toBe(true);
    expect(probeRuns(status, 'liveness')).toBe(false);
  });

  test('readiness starts not ready and needs successThreshold successes in a row; failures make it unready again', () => {
    const readiness = { ...PROBE_DEFAULTS, successThreshold: 2 };
    const start = freshProbeStatus({ readiness }, 1);
    expect(start.ready).toBe(false);
    const { status } = feed(start, [true, false, true, true], 'readiness', readiness);
    expect(status.ready).toBe(true);
    expect(feed(status, [false, false, false], 'readiness', readiness).status.ready).toBe(false);
    // A readiness failure puts nothing on hold.
    expect(feed(status, [false, false, false], 'readiness', readiness).status.onHold).toBe(false);
  });

  test('the startup probe gates the others and stops once it has succeeded', () => {
    const startup = { ...PROBE_DEFAULTS, failureThreshold: 30 };
    const status = freshProbeStatus({ startup, liveness }, 1);
    expect(probeRuns(status, 'liveness')).toBe(false);
    expect(probeRuns(status, 'readiness')).toBe(false);
    expect(probeRuns(status, 'startup')).toBe(true);
    const after = countProbe(status, 'startup', startup, true).status;
    expect(after.started).toBe(true);
    expect(probeRuns(after, 'liveness')).toBe(true);
    expect(probeRuns(after, 'startup')).toBe(false);
  });

  test('without a startup or readiness probe the container is started and ready at once', () => {
    const status = freshProbeStatus({ liveness }, 7);
    expect(status).toMatchObject({ generation: 7, started: true, ready: true, onHold: false });
  });
});
