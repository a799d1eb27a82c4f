import { violation, type Invariant } from './types.js';

/** More restarts of one component than this at one virtual instant is a loop that time does not advance through. */
export const RESTARTS_PER_INSTANT_MAX = 100;

/**
 * A policy invariant. A restart policy with no delay and no limit, in front of
 * a component that fails at every start, restarts it forever at one instant:
 * the model does exactly what the policy says, and time stops. That is a flaw
 * of the policy (scenarios/flawed/restart-storm.yaml), not of the model, so a
 * violation is reported in the run (and `recsim run` exits 1) but is not a
 * finding of `recsim explore` unless it is asked to judge policies. An
 * exhausted event budget is judged with it: under a sound model it comes from
 * the same kind of loop.
 */
export const noRestartLivelock: Invariant = {
  id: 'no-restart-livelock',
  statement: `Virtual time keeps advancing: no component is restarted more than ${RESTARTS_PER_INSTANT_MAX} times at one instant, and no run exhausts its event budget.`,
  rule: 'R6, A (bounded runs)',
  kind: 'policy',
  watches: ['restart', 'run-ended'],
  observe() {
    const inv = noRestartLivelock;
    const reported = new Set<string>();
    let instant = -1;
    const count = new Map<string, number>();
    let reportedAny = false;
    return {
      onRecord(r) {
        if (r.t !== instant) {
          instant = r.t;
          count.clear();
        }
        if (r.type === 'restart') {
          const n = (count.get(r.component) ?? 0) + 1;
          count.set(r.component, n);
          if (n > RESTARTS_PER_INSTANT_MAX && !reported.has(r.component)) {
            reported.add(r.component);
            reportedAny = true;
            return [violation(inv, `${r.component} restarted more than ${RESTARTS_PER_INSTANT_MAX} times at t=${r.t}us without time advancing (no backoff, no limit)`, r.seq)];
          }
        } else if (r.type === 'run-ended' && r.outcome === 'event-budget-exhausted' && !reportedAny) {
          reportedAny = true;
          return [violation(inv, `the run exhausted its event budget at t=${r.t}us: something loops without time advancing`, r.seq)];
        }
        return undefined;
      },
      finish: () => [],
      retained: () => reported.size + count.size,
    };
  },
};
