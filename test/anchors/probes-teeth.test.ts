import type { Scenario } from '../../sim/scenario/types.js';
import { component, describeTeeth, wrapRequest, wrapWrite, type Tooth } from '../helpers/teeth.js';

/**
 * Issue 11 items 6 and 8: each anchor scenario (scenarios/anchors/) has teeth.
 * Break the rule it pins, on purpose, in the loaded scenario (or, for the
 * model's own bookkeeping, by patching the one writer), and the very same
 * file must fail, for the reason named in `givesAway`.
 */

const K8S_LIVENESS = 'scenarios/anchors/k8s-liveness-kills-slow-database.yaml';
const K8S_DELAY = 'scenarios/anchors/k8s-initial-delay-lets-database-recover.yaml';
const K8S_STARTUP = 'scenarios/anchors/k8s-startup-probe-gates-liveness.yaml';
const K8S_READINESS = 'scenarios/anchors/k8s-readiness-gates-dependents.yaml';
const STATE_FAULT = 'scenarios/anchors/state-fault-fails-at-start-while-db-down.yaml';
const QUORUM = 'scenarios/anchors/quorum-two-of-three.yaml';
const QUORUM_BOOT = 'scenarios/anchors/quorum-boot-with-one-member-down.yaml';

const TEETH: Tooth[] = [
  {
    rule: 'k8s failureThreshold',
    file: K8S_LIVENESS,
    breaks: 'the kubelet kills at the first failed probe instead of the 5th in a row',
    mutate: (s) => { component(s, 'postgres').probes!.liveness!.failureThreshold = 1; },
    givesAway: 'record stop-requested postgres reason=probe t=45000000: got no such record',
  },
  {
    rule: 'k8s initialDelaySeconds',
    file: K8S_LIVENESS,
    breaks: 'the liveness probe waits 60 s instead of 20 s',
    mutate: (s) => { component(s, 'postgres').probes!.liveness!.initialDelayUs = 60_000_000; },
    givesAway: 'restarts of postgres = 6: got 0',
  },
  {
    rule: 'k8s initialDelaySeconds',
    file: K8S_DELAY,
    breaks: 'the initial delay is ignored (probes from the start)',
    mutate: (s) => { component(s, 'postgres').probes!.liveness!.initialDelayUs = 0; },
    givesAway: 'restarts = 0: got 6',
  },
  {
    rule: 'k8s warmup counted from each start',
    file: K8S_LIVENESS,
    breaks: 'the database is slow only once (its warmup ends 60 s after boot, not after each start)',
    breakModel: () => wrapWrite('finish-start', (original) => (w, cmd) => {
      original(w, cmd);
      // A new life, as the writer makes one: running lives are shared and frozen (sim/model/writer/shared-lives.ts).
      const component = w.state.components[cmd.c]!;
      const life = component.life;
      if (life.state === 'running') component.life = { ...life, startedAtUs: Math.min(life.startedAtUs, 100_000) };
    }),
    givesAway: 'restarts of postgres = 6: got 1',
  },
  {
    rule: 'k8s startup probe gates liveness',
    file: K8S_STARTUP,
    breaks: 'the startup probe is dropped: the liveness probe alone kills the slow start',
    mutate: (s) => { delete component(s, 'postgres').probes!.startup; },
    givesAway: 'restarts = 0: got 4',
  },
  {
    rule: 'k8s startup probe gates liveness',
    file: K8S_STARTUP,
    breaks: 'liveness runs as soon as the startup probe has answered once (success or not)',
    breakModel: () => wrapWrite('set-probe-status', (original) => (w, cmd) => original(w, { ...cmd, status: { ...cmd.status, started: true } })),
    givesAway: 'restarts = 0: got 4',
  },
  {
    rule: 'k8s readiness gates dependents',
    file: K8S_READINESS,
    breaks: 'the database has no readiness probe: the API server starts when its process runs',
    mutate: (s) => { delete component(s, 'postgres').probes!.readiness; },
    givesAway: 'record state apiserver from=stopped to=starting t=20000000: got no such record',
  },
  {
    rule: 'state-dependent fault (while: not running)',
    file: STATE_FAULT,
    breaks: 'the fail_start fault ignores its condition (an ordinary one-shot fail_start)',
    mutate: (s) => { delete s.faults.find((f) => f.fault === 'fail-start')!.condition; },
    givesAway: 'no record start-failed web t=100000: got found at seq 6',
  },
  {
    rule: 'state-dependent fault (while: state)',
    file: STATE_FAULT,
    breaks: 'the exit fault fires on every state change of db, not only when it has stopped',
    mutate: (s) => { delete s.faults.find((f) => f.fault === 'exit')!.condition; },
    givesAway: 'no record fault web fault=exit t=0: got found at seq 5',
  },
  {
    rule: 'quorum k of n',
    file: QUORUM,
    breaks: 'the API server needs all 3 members (a plain dependency on each)',
    mutate: (s) => { component(s, 'apiserver').quorums![0]!.k = 3; },
    givesAway: 'no record stop-requested apiserver t=10000000: got found at seq 15',
  },
  {
    rule: 'quorum k of n',
    file: QUORUM,
    breaks: 'the quorum is forgotten: the API server depends on nothing',
    mutate: (s) => { delete component(s, 'apiserver').quorums; },
    givesAway: 'record stop-requested apiserver reason=dependency t=20000000: got no such record',
  },
  {
    rule: 'quorum k of n',
    file: QUORUM_BOOT,
    breaks: 'starts wait for nothing (a start is released at once)',
    breakModel: () => wrapRequest('request-start', () => (s, cmd) => {
      if (s.components[cmd.c]!.life.state !== 'stopped') return [];
      const pending = { cause: (cmd.cause as number | undefined) ?? 0, origin: 'boot' as const, asRestart: false, waitFor: [] };
      return [{ do: 'set-pending', c: cmd.c, pending }, { do: 'release', c: cmd.c }];
    }),
    givesAway: 'violation no-start-before-dependencies',
  },
];

describeTeeth('anchor scenarios have teeth: break the rule and the scenario fails', TEETH);
