import type { Scenario } from '../scenario/types.js';
import type { TraceRecord } from '../trace/records.js';

/** The names of the components with a readiness probe, once per components array (two observers ask; a walk over 10^6 each). */
const probedSets = new WeakMap<Scenario['components'], ReadonlySet<string>>();

function probedOf(components: Scenario['components']): ReadonlySet<string> {
  let probed = probedSets.get(components);
  if (probed === undefined) {
    const names = new Set<string>();
    for (let i = 0; i < components.length; i++) if (components[i]!.probes?.readiness !== undefined) names.add(components[i]!.name);
    probedSets.set(components, (probed = names));
  }
  return probed;
}

/**
 * Kubernetes readiness, read back from a trace: a component with a
 * readiness probe is not ready when it reaches running (the kubelet's
 * initial value is Failure) and becomes ready with the `probe` record of the
 * success that makes it so; a failure at the threshold makes it unready
 * again. Without a readiness probe, running is ready. Pure reading of
 * records, for the checkers: "up" for a dependent is running and ready
 * (sim/model/readiness.ts `isUp`).
 */
export class ReadinessReplay {
  private readonly probed: ReadonlySet<string>;
  private readonly ready = new Map<string, boolean>();

  constructor(scenario: Scenario) {
    this.probed = probedOf(scenario.components);
  }

  apply(r: TraceRecord): void {
    // Most systems probe nothing: then no record needs a lookup.
    if (this.probed.size === 0 || !this.probed.has(r.component ?? '')) return;
    if (r.type === 'state') this.ready.set(r.component, false);
    else if (r.type === 'probe' && r.probe === 'readiness') {
      if (r.result === 'success' && r.count >= r.threshold) this.ready.set(r.component, true);
      if (r.result === 'failure' && r.count >= r.threshold) this.ready.set(r.component, false);
    }
  }

  /** Running (as the caller's replay says) and ready. */
  isUp(name: string, running: boolean): boolean {
    return running && (!this.probed.has(name) || this.ready.get(name) === true);
  }

  /** Alive (running, or hung) but not ready: the trace's readiness probe records say why what depends on it waits. */
  isWarmingUp(name: string, alive: boolean): boolean {
    return alive && this.probed.has(name) && this.ready.get(name) !== true;
  }
}
