/**
 * The invariant catalogue, one invariant per file in `invariants/`, and the
 * monitor that runs it over a run's records; this module keeps the import
 * path every caller already uses.
 */
export { INVARIANTS, invariantById, type Invariant, type InvariantObserver } from './invariants/index.js';
export { checkInvariants, createInvariantMonitor, orderViolations, type InvariantMonitor } from './invariant-monitor.js';
