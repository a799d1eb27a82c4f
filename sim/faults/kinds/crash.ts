import fc from 'fast-check';
import { componentName, exitCode, signal, type Signal } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export interface CrashSpec extends ComponentFaultSpec<'crash'> {
  exitCode: number;
  /** When set, the process dies of this signal and `exitCode` is not used. */
  signal?: Signal;
}

export const crash = defineFaultKind({
  key: 'crash',
  kind: 'crash',
  targets: 'component',
  value: componentName,
  fields: { exit_code: exitCode, signal },
  defaults: { exit_code: 1 },
  resolve: ({ value, fields }): CrashSpec => ({
    fault: 'crash',
    target: value,
    exitCode: fields.exit_code ?? 1,
    ...(fields.signal === undefined ? {} : { signal: fields.signal }),
  }),
  // Beside a signal the exit code is not used, and a file may not give both (sim/scenario/validate.ts).
  toFile: (spec) => ({
    crash: spec.target,
    ...(spec.exitCode === 1 || spec.signal !== undefined ? {} : { exit_code: spec.exitCode }),
    ...(spec.signal === undefined ? {} : { signal: spec.signal }),
  }),
  traceFields: (spec): { exitCode?: number; signal?: Signal } => (spec.signal === undefined ? { exitCode: spec.exitCode } : { signal: spec.signal }),
  inject: (spec, { target, cause }) => [
    {
      do: 'terminate',
      c: target!,
      termination: spec.signal === undefined ? { kind: 'exit', exitCode: spec.exitCode } : { kind: 'signal', signal: spec.signal },
      graceful: false,
      cause,
    },
  ],
  doc: {
    value: 'X',
    summary: "X's process dies with the exit code, or of the signal (a failure, R1: anything but exit 0)",
    rule: 'R1, F1, F9',
  },
  explore: {
    byDefault: true,
    // Exit codes a policy may map to actions (R1), a segfault's 139, and now and then an abort. A tuple, not
    // a record: it draws as the flat record explore used before, so seeded searches still find what they found.
    // Beside a signal the exit code is the default 1: it is not used, and a file may not give both.
    arbitrary: (target) =>
      fc
        .tuple(fc.constantFrom(1, 3, 139), fc.constantFrom(undefined, undefined, 'abort' as const))
        .map(([exitCode, signal]): CrashSpec => ({ fault: 'crash', target: target!, ...(signal === undefined ? { exitCode } : { exitCode: 1, signal }) })),
    simpler: (spec) => [
      ...(spec.signal === undefined ? [] : [{ fault: 'crash' as const, target: spec.target, exitCode: spec.exitCode }]),
      ...(spec.signal === undefined && spec.exitCode !== 1 ? [{ ...spec, exitCode: 1 }] : []),
    ],
  },
});
