import { instantFor, violation, type Invariant } from './types.js';

/** A budget exhausted with at least this many records written since virtual time last moved is a loop at one instant. */
export const RECORDS_AT_ONE_INSTANT_FOR_A_LOOP = 1000;

/** More restarts of one component than this at one virtual instant is a loop that time does not advance through. */
export const RESTARTS_PER_INSTANT_MAX = 100;

/**
 * A policy invariant. A restart policy with no delay and no limit, in front of
 * a component that fails at every start, restarts it forever at one instant:
 * the model does exactly what the policy says, and time stops. That is a flaw
 * of the policy (scenarios/flawed/restart-storm.yaml), not of the model, so a
 * violation is reported in the run (and `recsim run` exits 1) but is not a
 * finding of `recsim explore` unless it is asked to judge policies. An
 * exhausted event budget is judged with it: the run was cut short and cannot
 * be judged. The message says which it was: a loop at one instant (many
 * records since time last moved), or a run too long or busy for its budget
 * (time still advancing: a 30-day run with a 10 requests/s driver
 * is not a livelock).
 */
export const noRestartLivelock: Invariant = {
  id: 'no-restart-livelock',
  statement: `Virtual time keeps advancing: no component is restarted more than ${RESTARTS_PER_INSTANT_MAX} times at one instant, and no run exhausts its event budget.`,
  rule: 'R6, A (bounded runs)',
  kind: 'policy',
  // The budget message needs to know when virtual time last moved: the monitor notes that for every record (InstantStart).
  watches: ['restart', 'run-ended'],
  observe(_scenario, shared) {
    const inv = noRestartLivelock;
    const reported = new Set<string>();
    const { instant, own } = instantFor(shared);
    // Restarts are counted per instant: those of one instant come one after another (time never goes back), so a restart at another instant starts the count again.
    let restartsAtUs = -1;
    const count = new Map<string, number>();
    let reportedAny = false;
    return {
      onRecord(r) {
        if (own) instant.note(r);
        if (r.type === 'restart') {
          if (r.t !== restartsAtUs) {
            restartsAtUs = r.t;
            count.clear();
          }
          const n = (count.get(r.component) ?? 0) + 1;
          count.set(r.component, n);
          if (n > RESTARTS_PER_INSTANT_MAX && !reported.has(r.component)) {
            reported.add(r.component);
            reportedAny = true;
            return [violation(inv, `${r.component} restarted more than ${RESTARTS_PER_INSTANT_MAX} times at t=${r.t}us without time advancing (no backoff, no limit)`, r.seq)];
          }
        } else if (r.type === 'run-ended' && r.outcome === 'event-budget-exhausted' && !reportedAny) {
          reportedAny = true;
          const atThisInstant = r.seq - instant.firstSeq;
          return [violation(inv, atThisInstant >= RECORDS_AT_ONE_INSTANT_FOR_A_LOOP
            ? `the run exhausted its event budget at t=${r.t}us: something loops without time advancing (${atThisInstant} records at that instant)`
            : `the run exhausted its event budget at t=${r.t}us with virtual time still advancing (${atThisInstant} records at the last instant): not a loop but a run too long or busy for its budget; raise event_budget or shorten the run`, r.seq)];
        }
        return undefined;
      },
      finish: () => [],
      retained: () => reported.size + count.size,
    };
  },
};
