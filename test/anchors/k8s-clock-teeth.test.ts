import { vi } from 'vitest';
import { component, describeTeeth, type Tooth } from '../helpers/teeth.js';

/**
 * Issue 20 item 7: the kubelet's probe clock, kill and refused connection.
 * Each is broken on purpose and the anchor that pins it must fail.
 */
const broken = vi.hoisted(() => ({ timeoutWhileWarming: false }));

vi.mock('../../sim/model/reactors/probes.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../sim/model/reactors/probes.js')>();
  return {
    ...mod,
    // The rule before: a probe against a process still warming up fails only at its timeout.
    onProbe: (...args: Parameters<typeof mod.onProbe>) => {
      const out = mod.onProbe(...args);
      if (!broken.timeoutWhileWarming) return out;
      const [, e, ctx] = args;
      const timeoutUs = ctx.topo.specs[e.c]!.probes![e.probe]!.timeoutUs;
      return out.map((cmd) => (cmd.do === 'schedule' && cmd.event.k === 'probe-result' && !cmd.event.ok ? { ...cmd, delayUs: timeoutUs } : cmd));
    },
  };
});

const LIVENESS = 'scenarios/anchors/k8s-liveness-kills-slow-database.yaml';
const GRACE = 'scenarios/anchors/k8s-liveness-kill-waits-grace-period.yaml';

const TEETH: Tooth[] = [
  {
    rule: 'k8s terminationGracePeriodSeconds',
    file: GRACE,
    breaks: 'the kubelet kills at once instead of SIGTERM and 30 s of grace',
    mutate: (s) => { component(s, 'postgres').stopTimeoutUs = 0; },
    givesAway: 'record killed postgres reason=stop timeout t=111000000: got no such record',
  },
  {
    rule: 'k8s probe refused while not listening',
    file: LIVENESS,
    breaks: 'a probe against a process still warming up waits for its 1 s timeout',
    breakModel: () => {
      broken.timeoutWhileWarming = true;
      return () => {
        broken.timeoutWhileWarming = false;
      };
    },
    givesAway: 'record probe postgres probe=liveness result=failure count=1 threshold=5 t=25000000: got no such record',
  },
];

describeTeeth("Kubernetes' probe clock, kill and refusal have teeth (issue 20 item 7)", TEETH);
