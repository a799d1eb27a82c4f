/**
 * The invariant catalogue, one invariant per file in `invariants/`; this
 * module keeps the import path every caller already uses.
 */
export { checkInvariants, INVARIANTS, invariantById, type Invariant } from './invariants/index.js';
