import type { RecordType } from './trace-types.js';

/**
 * What a record looks like on the timeline. Records without a kind (state,
 * power, run-started, run-ended) are drawn as bars or not at all.
 */
export type MarkKind =
  | 'fault'
  | 'detection'
  | 'decision'
  | 'restart'
  | 'reboot'
  | 'panic'
  | 'lost-event'
  | 'lost-data'
  | 'violation'
  | 'stop'
  | 'start-problem'
  | 'system';

/** Legend order: the recovery story first, bookkeeping last. */
export const MARK_KINDS: readonly MarkKind[] = [
  'fault',
  'detection',
  'decision',
  'restart',
  'reboot',
  'panic',
  'lost-event',
  'lost-data',
  'violation',
  'stop',
  'start-problem',
  'system',
];

/**
 * Importance order: which of the records at one instant is drawn (and
 * picked) as their mark, and which kind is painted on top where marks of
 * several kinds share a pixel. An invariant violation comes first: it is
 * what a reader looks for, and it happens at the instant of the record that
 * broke the invariant, under which it would otherwise hide. The rest keep
 * the legend's order: the recovery story first (a fault outranks the
 * termination it caused), bookkeeping last.
 */
export const MARKS_BY_RANK: readonly MarkKind[] = ['violation', ...MARK_KINDS.filter((k) => k !== 'violation')];

export const MARK_LABELS: Readonly<Record<MarkKind, string>> = {
  fault: 'injected fault',
  detection: 'detection',
  decision: 'policy decision',
  restart: 'restart',
  reboot: 'reboot request / shutdown',
  panic: 'panic',
  'lost-event': 'lost event',
  'lost-data': 'lost data / requests',
  violation: 'invariant violation',
  stop: 'stop / kill / exit',
  'start-problem': 'start refused / failed',
  system: 'boot / shutdown done',
};

const KIND_OF_TYPE: Readonly<Record<RecordType, MarkKind | null>> = {
  'run-started': null,
  'run-ended': null,
  state: null,
  power: null,
  fault: 'fault',
  // An operator's systemctl is someone deciding, not a fault: drawn with the decisions, described as the operator's.
  operator: 'decision',
  detected: 'detection',
  probe: 'detection',
  decision: 'decision',
  restart: 'restart',
  'reboot-requested': 'reboot',
  'shutdown-started': 'reboot',
  panic: 'panic',
  'event-dropped': 'lost-event',
  'data-lost': 'lost-data',
  'requests-lost': 'lost-data',
  'requests-refused': 'lost-data',
  'requests-delayed': 'lost-data',
  violation: 'violation',
  'stop-requested': 'stop',
  killed: 'stop',
  terminated: 'stop',
  'data-flushed': 'stop',
  'start-refused': 'start-problem',
  'start-failed': 'start-problem',
  'shutdown-completed': 'system',
  'boot-started': 'system',
  'boot-completed': 'system',
};

/** The mark kind of a record type, or null when the type is not drawn as a mark. */
export function markKindOf(type: RecordType): MarkKind | null {
  return KIND_OF_TYPE[type] ?? null;
}

/** All record types, for the type filter. */
export const RECORD_TYPES: readonly RecordType[] = Object.keys(KIND_OF_TYPE) as RecordType[];
