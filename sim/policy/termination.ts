import type { Termination } from '../vocabulary/words.js';

/** Redox R1: exit code 0 means "stopped properly"; every other ending is a failure. */
export function isFailure(termination: Termination): boolean {
  return !(termination.kind === 'exit' && termination.exitCode === 0);
}

export function describeTermination(termination: Termination): string {
  switch (termination.kind) {
    case 'exit':
      return `exit code ${termination.exitCode}`;
    case 'signal':
      return `signal ${termination.signal}`;
    case 'probe-failed':
      return `${termination.probe} probe failed`;
    default:
      return termination.kind;
  }
}
