import type { FactOf } from './facts.js';
import type { StateView } from './reactor.js';
import type { Topology } from './topology.js';

/**
 * systemd "Dependency failed for ...": a start job that fails fails the start
 * jobs waiting on it through Requires= or BindsTo= and After=.
 *
 * src/core/job.c `job_finish_and_invalidate()`: "Fail depending jobs on
 * failure": `if (result != JOB_DONE && recursive)`, for a JOB_START or
 * JOB_VERIFY_ACTIVE, `job_fail_dependencies(u, UNIT_ATOM_PROPAGATE_START_FAILURE)`,
 * which finishes every JOB_START/JOB_VERIFY_ACTIVE job of those units with
 * JOB_DEPENDENCY, recursively (so the failure travels on).
 * src/core/unit-dependency-atom.c `atom_map`: UNIT_ATOM_PROPAGATE_START_FAILURE
 * is carried by UNIT_REQUIRED_BY, UNIT_REQUISITE_OF and UNIT_BOUND_BY (the
 * reverse of Requires=, Requisite=, BindsTo=), not by UNIT_WANTED_BY.
 * job_fail_dependencies() looks at no ordering: it fails the jobs that still
 * exist. Without After= the dependent's job ran beside the failing one and is
 * over by then (systemd.unit(5) Requires=: "If one of the other units fails
 * to activate, and an ordering dependency After= on the failing unit is set,
 * this unit will not be started"); in recsim that is a start waiting on the
 * unit through `after`. Requisite= already refuses its start (start-gate.ts).
 */

/**
 * Whether a failed start job of `failed` fails the waiting start of `waiter`:
 * `waiter` Requires= or BindsTo= it and is ordered After= it (the topology's
 * `startsFailingWith`, built once from the declared edges).
 */
export function failsWithStartOf(topo: Topology, waiter: number, failed: number): boolean {
  return topo.startsFailingWith[failed]!.includes(waiter);
}

/**
 * Whether a fact says the component's start job is over without success: its
 * process exited during the start (F4, `start-failed` then `terminated`), its
 * start failed at once (`fail-start`: failed), or its start was refused and
 * dropped (a Requisite= or a dependency's failure: stopped, no start pending).
 * A refusal that keeps the start waiting (R4) is no job over; nor is a stop,
 * a crash of a running unit, or a destroyed component.
 */
export function startJobFailed(s: StateView, fact: FactOf<'terminated'> | FactOf<'start-blocked'>): boolean {
  if (fact.f === 'terminated') return fact.startFailed && fact.route !== 'shutdown' && fact.route !== 'stopping';
  const life = s.components[fact.c]!.life;
  return life.state === 'failed' || (life.state === 'stopped' && life.pending === undefined);
}

