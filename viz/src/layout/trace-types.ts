/**
 * The viewer only reads traces: these are the simulator's own types, imported
 * type-only so nothing of the simulator ends up in the bundle.
 */
export type {
  LifecycleState,
  PowerState,
  RecordType,
  TraceRecord,
} from '../../../sim/trace/records.js';
export type { TraceFile, Violation } from '../../../sim/trace/trace-file.js';
