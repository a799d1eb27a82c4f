import type { ComponentSpec } from '../scenario/types.js';

/**
 * OTP starts a supervisor's children one after another.
 * Erlang/OTP lib/stdlib/src/supervisor.erl: init_children/2 and
 * restart_multiple_children/3 call start_children/2, which walks the
 * children in start order (children_map/2) and calls do_start_child/3 for
 * each: `apply(M, F, Args)`, the child's start_link, which returns only once
 * the child's init/1 has returned (gen_server:start_link, proc_lib's
 * init_ack). So the next child's start begins when the previous one runs:
 * with start times 0.3, 0.2 and 0.1 s, a one_for_all group restarted at 10 s
 * is up at 10.3, 10.5 and 10.6 s. A start that fails ends the walk
 * (`{abort, {failed_to_start_child, Id, Reason}}`): the children after it are
 * not started; in recsim they keep waiting for it (and are refused, naming
 * it, if it is left down), and its failure goes to the supervisor's strategy
 * like any other.
 *
 * Applies to the children of a monitor whose group strategy is an OTP one
 * (one_for_one, one_for_all, rest_for_one), and to init's children when
 * init acts as such a supervisor (an OTP preset's root supervisor).
 */
const OTP_STRATEGIES: ReadonlySet<string> = new Set(['one_for_one', 'one_for_all', 'rest_for_one']);

function isOtp(strategy: string | undefined): boolean {
  return strategy !== undefined && OTP_STRATEGIES.has(strategy);
}

/** For each component, the sibling started just before it by the same OTP supervisor (undefined: none, or not OTP). */
export function startsAfterOf(specs: readonly ComponentSpec[], monitorOf: readonly (number | undefined)[], childrenOf: readonly (readonly number[])[]): (number | undefined)[] {
  const after: (number | undefined)[] = specs.map(() => undefined);
  childrenOf.forEach((children, m) => {
    if (!isOtp(specs[m]!.policy.supervisor?.strategy)) return;
    for (let k = 1; k < children.length; k++) after[children[k]!] = children[k - 1]!;
  });
  let previous: number | undefined;
  specs.forEach((c, i) => {
    if (monitorOf[i] !== undefined || !isOtp(c.policy.rootSupervisor?.strategy)) return;
    after[i] = previous;
    previous = i;
  });
  return after;
}

/** Whether `c`'s supervisor starts its children one at a time (OTP). */
export function startsInTurn(topo: { specs: readonly ComponentSpec[]; monitorOf: readonly (number | undefined)[] }, c: number): boolean {
  const m = topo.monitorOf[c];
  return m === undefined ? isOtp(topo.specs[c]!.policy.rootSupervisor?.strategy) : isOtp(topo.specs[m]!.policy.supervisor?.strategy);
}
