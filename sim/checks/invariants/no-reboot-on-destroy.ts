import type { Violation } from '../../trace/trace-file.js';
import { violation, type Invariant } from './types.js';

/** How far back a reboot request's causes are followed to find the termination behind it. */
const CAUSE_HOPS_MAX = 8;

/** Records followed per destruction: a bound on memory should a destruction cause an unbounded fan of records. */
const FOLLOWED_PER_DESTRUCTION_MAX = 4096;

/** A record whose causes lead, within CAUSE_HOPS_MAX hops and through no other termination or fault, to a destruction. */
interface Descendant {
  hops: number;
  /** The destruction's `terminated` record and its component. */
  endedSeq: number;
  component: string;
}

/**
 * A termination is a destruction's when the component was asked to stop for
 * `destroy` and ended before starting again. A reboot request whose cause
 * chain leads to such a termination breaks F2; a reboot for an earlier crash
 * of a component destroyed since (a Stopped event delivered late) does not.
 *
 * Online, the chain is followed forwards: each record caused by a
 * destruction (or by one of its descendants, up to CAUSE_HOPS_MAX hops, a
 * termination or a fault ending the chain) is remembered, so a reboot request
 * needs only its own cause. A component's next destruction replaces the
 * descendants of its previous one, which bounds what is kept by the system.
 */
export const noRebootOnDestroy: Invariant = {
  id: 'no-reboot-on-destroy',
  statement: 'A component stopped because it is destroyed (DestroyChild, a transient collection) never brings a reboot.',
  rule: 'F2',
  kind: 'safety',
  observe() {
    const destroying = new Set<string>();
    const descendants = new Map<number, Descendant>();
    const followedByComponent = new Map<string, number[]>();
    const follow = (seq: number, d: Descendant): void => {
      const followed = followedByComponent.get(d.component)!;
      if (followed.length >= FOLLOWED_PER_DESTRUCTION_MAX) return;
      followed.push(seq);
      descendants.set(seq, d);
    };
    return {
      onRecord(r) {
        let out: Violation[] | undefined;
        if (r.type === 'reboot-requested' && r.by !== 'user') {
          // A fault is a root cause: a fault triggered by the destruction is the scenario's, not the policy's.
          const d = r.cause === undefined ? undefined : descendants.get(r.cause);
          if (d) out = [violation(noRebootOnDestroy, `reboot requested for ${r.component ?? d.component}, whose termination (seq ${d.endedSeq}) was its destruction`, r.seq)];
        }
        if (r.type === 'stop-requested' && r.reason === 'destroy') destroying.add(r.component);
        else if (r.type === 'state' && r.to === 'starting') destroying.delete(r.component);

        if (r.type === 'terminated' && destroying.has(r.component)) {
          destroying.delete(r.component);
          for (const seq of followedByComponent.get(r.component) ?? []) descendants.delete(seq);
          followedByComponent.set(r.component, []);
          follow(r.seq, { hops: 0, endedSeq: r.seq, component: r.component });
        } else if (descendants.size > 0 && r.type !== 'terminated' && r.type !== 'fault' && r.cause !== undefined) {
          // (No destruction followed yet, as in most runs: nothing to look up for each of the run's records.)
          const parent = descendants.get(r.cause);
          if (parent && parent.hops < CAUSE_HOPS_MAX) follow(r.seq, { ...parent, hops: parent.hops + 1 });
        }
        return out;
      },
      finish: () => [],
      retained: () => descendants.size + destroying.size,
    };
  },
};
