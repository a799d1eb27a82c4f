import { vi } from 'vitest';
import { isAlive } from '../../sim/model/state.js';
import type { Handler } from '../../sim/model/writer/core.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { component, describeTeeth, wrapRequest, wrapWrite } from '../helpers/teeth.js';

/**
 * Two rules live in pure policy modules, not in the writer: they are broken
 * here by swapping the module's export for the old behaviour, for one tooth.
 */
const broken = vi.hoisted(() => ({ groupRestart: false, freshHistory: false }));

vi.mock('../../sim/policy/group.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../sim/policy/group.js')>();
  return { ...mod, otpGroupRestartEffects: (...args: Parameters<typeof mod.otpGroupRestartEffects>) => (broken.groupRestart ? mod.groupRestartEffects(...args) : mod.otpGroupRestartEffects(...args)) };
});

vi.mock('../../sim/policy/intensity.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../sim/policy/intensity.js')>();
  return { ...mod, groupTerminations: (...args: Parameters<typeof mod.groupTerminations>) => (broken.freshHistory ? mod.groupTerminationsEver(...args) : mod.groupTerminations(...args)) };
});

function toggle(flag: keyof typeof broken): () => () => void {
  return () => {
    broken[flag] = true;
    return () => {
      broken[flag] = false;
    };
  };
}

const IN_TURN = 'scenarios/anchors/otp-one-for-all-in-turn.yaml';
const ESCALATION = 'scenarios/anchors/otp-escalation.yaml';
const spec = (s: Scenario, name: string) => component(s, name);

describeTeeth('OTP supervisor anchors have teeth (supervisor.erl, supervisor(3))', [
  {
    rule: 'one_for_all: restart only after all have terminated, in start order',
    file: IN_TURN,
    breaks: 'the old recsim group restart: others asked to stop at once, the crashed child restarted at once',
    breakModel: toggle('groupRestart'),
    givesAway: 'no record restart config t=10000000: got found at seq 31',
  },
  {
    rule: 'terminate_children: one child at a time, in reverse start order',
    file: IN_TURN,
    breaks: 'the children stopped in turn are all asked at once (each member\'s turn ignored)',
    breakModel: () => wrapWrite('stop-group', stopAllAtOnce),
    givesAway: 'record stop-requested web reason=policy t=13000000: got no such record',
  },
  {
    rule: 'shutdown => brutal_kill: exit(Child, kill), no shutdown request',
    file: IN_TURN,
    breaks: 'cache\'s brutal_kill is read as a plain stop (its stop latency, graceful)',
    mutate: (s) => { spec(s, 'cache').brutalKill = false; spec(s, 'cache').stopTimeoutUs = 5_000_000; },
    givesAway: 'record killed cache reason=brutal_kill t=13500000: got no such record',
  },
  {
    rule: 'shutdown => infinity: the supervisor waits for the child',
    file: IN_TURN,
    breaks: 'api\'s infinity is read as a 1 s time-out, after which it is killed',
    mutate: (s) => { spec(s, 'api').stopTimeoutUs = 1_000_000; },
    givesAway: 'record terminated api graceful=true t=13000000: got no such record',
  },
  {
    rule: 'intensity exceeded: the supervisor exits with reason shutdown (a transient parent spec does not restart it)',
    file: ESCALATION,
    breaks: 'the supervisor exits with code 1, as recsim did, and top restarts the transient worker_sup',
    breakModel: () => wrapWrite('finish-escalation', () => (w, cmd) => {
      const monitor = w.comp(cmd.c);
      if (monitor.escalation === undefined) return;
      if (w.topo.childrenOf[cmd.c]!.some((child) => isAlive(w.comp(child).life.state))) return;
      const cause = monitor.escalation;
      monitor.escalation = undefined;
      w.carryOut({ do: 'terminate', c: cmd.c, termination: { kind: 'exit', exitCode: 1 }, graceful: false, cause });
    }),
    givesAway: 'final state of worker_sup = stopped: got "running"',
  },
  {
    rule: 'a restarted supervisor starts with an empty restart history',
    file: ESCALATION,
    breaks: 'the new pool_sup inherits its predecessor\'s restarts (counted since boot)',
    breakModel: toggle('freshHistory'),
    givesAway: 'restarts of pool_sup = 1: got 2',
  },
]);

/** The group stop as if every member's turn had come: all asked at once (reverse start order kept). */
function stopAllAtOnce(original: Handler<'stop-group'>): Handler<'stop-group'> {
  return (w, cmd) => original(w, { ...cmd, members: cmd.members.map(({ c }) => ({ c, waitingFor: 0 })) });
}

describeTeeth('OTP starts children one after another', [
  {
    rule: 'OTP start_children in turn',
    file: 'scenarios/anchors/otp-starts-children-in-turn.yaml',
    breaks: 'a supervisor starts its children all at once (each waits only for its dependencies)',
    breakModel: () => wrapRequest('request-start', (original) => (s, cmd, ctx) => original(s, { ...cmd, waitFor: [] }, ctx)),
    givesAway: 'record state b from=stopped to=starting t=10300000: got no such record',
  },
]);
