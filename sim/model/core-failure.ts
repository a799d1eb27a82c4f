import { transitiveDependents, type DependencyNode } from '../scenario/graph.js';
import type { CoreFailureStrategy } from '../scenario/types.js';

/**
 * The Redox RFC's open question (R8), made runnable: what the user service
 * monitor does when a core daemon that its services rely on fails. Pure: it
 * says which services to kill (unsaved work lost), which to stop gracefully
 * (they save their work), and whether the user monitor restarts itself.
 * Everything it takes down comes back once the core daemon runs again.
 */
export interface CoreFailurePlan {
  kill: string[];
  stopGracefully: string[];
  restartMonitor: boolean;
  /** In words, for the decision record. */
  summary: string;
}

export interface CoreFailureInput {
  strategy: CoreFailureStrategy;
  userMonitor: string;
  failed: string;
  /** The user monitor's children that are alive now, in declaration order. */
  aliveChildren: readonly string[];
  nodes: readonly DependencyNode[];
}

/**
 * `failed` is a core daemon: neither the user monitor nor one of its
 * services. The two whole-monitor strategies act on any core failure; the
 * two "less destructive" ones only when some service depends on the daemon
 * (otherwise: undefined, nothing to do).
 */
export function planCoreFailure(input: CoreFailureInput): CoreFailurePlan | undefined {
  const affected = new Set(transitiveDependents(input.nodes, input.failed));
  const dependents = input.aliveChildren.filter((c) => affected.has(c));
  const all = [...input.aliveChildren];
  const lessDestructive = input.strategy === 'restart-dependents' || input.strategy === 'graceful-restart-dependents';
  if (lessDestructive && dependents.length === 0) return undefined;
  switch (input.strategy) {
    case 'restart-monitor':
      return { kill: all, stopGracefully: [], restartMonitor: true, summary: `${input.failed} failed: restart ${input.userMonitor} and all its services once ${input.failed} is back` };
    case 'graceful-shutdown':
      return { kill: [], stopGracefully: all, restartMonitor: false, summary: `${input.failed} failed: stop all services gracefully (they save their work), start them once ${input.failed} is back` };
    case 'restart-dependents':
      return { kill: dependents, stopGracefully: [], restartMonitor: false, summary: `${input.failed} failed: restart only the services that depend on it (${dependents.join(', ') || 'none'})` };
    case 'graceful-restart-dependents':
      return { kill: [], stopGracefully: dependents, restartMonitor: false, summary: `${input.failed} failed: stop gracefully and restart only the services that depend on it (${dependents.join(', ') || 'none'})` };
  }
}
