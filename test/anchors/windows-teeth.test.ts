import type { FailureLadder } from '../../sim/policy/types.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { component, describeTeeth } from '../helpers/teeth.js';

const FILE = 'scenarios/anchors/windows-action-list.yaml';

function ladder(s: Scenario, name: string): FailureLadder {
  const l = component(s, name).policy.ladder;
  if (!l) throw new Error(`${name} has no failure actions`);
  return l;
}

describeTeeth('Windows SCM action lists have teeth (SERVICE_FAILURE_ACTIONS)', [
  {
    rule: 'failure N takes lpsaActions[N-1]',
    file: FILE,
    breaks: 'the list is cut to three entries, all the first/second/subsequent fields could say',
    mutate: (s) => { const l = ladder(s, 'indexer'); Object.assign(l, { actions: l.actions.slice(0, 3) }); },
    givesAway: 'record decision indexer action=restart delayUs=300000000: got no such record',
  },
  {
    rule: 'past the list the SCM repeats the last action',
    file: FILE,
    breaks: 'failures past the list do nothing (as if it ended with an SC_ACTION_NONE entry)',
    mutate: (s) => { const l = ladder(s, 'indexer'); Object.assign(l, { actions: [...l.actions, { kind: 'none' }] }); },
    givesAway: 'restarts of indexer = 7: got 4',
  },
  {
    rule: 'an explicit SC_ACTION_NONE last entry ends the list',
    file: FILE,
    breaks: 'backup\'s trailing `none` is dropped, so its last restart repeats',
    mutate: (s) => { const l = ladder(s, 'backup'); Object.assign(l, { actions: l.actions.slice(0, -1) }); },
    givesAway: 'final state of backup = stopped: got "running"',
  },
  {
    rule: 'dwResetPeriod resets the failure count',
    file: FILE,
    breaks: 'the count never resets (dwResetPeriod INFINITE)',
    mutate: (s) => { Object.assign(ladder(s, 'indexer'), { resetUs: Infinity }); },
    givesAway: 'record decision indexer action=restart delayUs=1000000: got found at seq 12, but before the record expected to precede it',
  },
]);
