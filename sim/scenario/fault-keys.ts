import type { FaultKind } from '../trace/records.js';

/**
 * Scenario files spell fault kinds with underscores (`fail_start: x`), the
 * trace with hyphens (`fault: fail-start`); one rule converts both ways.
 */
export function faultKindOfKey(key: string): FaultKind {
  return key.replace(/_/g, '-') as FaultKind;
}

export function faultKeyOf(kind: FaultKind): string {
  return kind.replace(/-/g, '_');
}
