import type { RecordType } from './records.js';

/** Every trace record type, in the order a run tends to write them; the file format and the trace validator share this list. */
export const RECORD_TYPES = [
  'run-started', 'fault', 'operator', 'state', 'power', 'start-refused', 'start-failed', 'terminated', 'detected', 'decision',
  'restart', 'stop-requested', 'killed', 'reboot-requested', 'shutdown-started', 'shutdown-completed', 'panic',
  'boot-started', 'boot-completed', 'requests-lost', 'data-lost', 'data-flushed', 'event-dropped', 'violation', 'run-ended',
  'probe', 'requests-refused', 'requests-delayed',
] as const satisfies readonly RecordType[];

// The list names every record type: a type added to records.ts and not here fails to compile.
type Missing = Exclude<RecordType, (typeof RECORD_TYPES)[number]>;
export const RECORD_TYPES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
