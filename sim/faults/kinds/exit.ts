import fc from 'fast-check';
import { componentName, exitCode } from '../fields.js';
import { defineFaultKind, type ComponentFaultSpec } from '../types.js';

export interface ExitSpec extends ComponentFaultSpec<'exit'> {
  exitCode: number;
}

export const exit = defineFaultKind({
  key: 'exit',
  kind: 'exit',
  targets: 'component',
  value: componentName,
  fields: { exit_code: exitCode },
  defaults: { exit_code: 0 },
  resolve: ({ value, fields }): ExitSpec => ({ fault: 'exit', target: value, exitCode: fields.exit_code ?? 0 }),
  toFile: (spec) => ({ exit: spec.target, ...(spec.exitCode === 0 ? {} : { exit_code: spec.exitCode }) }),
  traceFields: (spec): { exitCode?: number } => ({ exitCode: spec.exitCode }),
  // The process ends on its own: it flushes its data and drains its requests first.
  inject: (spec, { target, cause }) => [{ do: 'terminate', c: target!, termination: { kind: 'exit', exitCode: spec.exitCode }, graceful: true, cause }],
  doc: {
    value: 'X',
    summary: 'X exits on its own, cleanly by default: not a failure (R1), yet `on_terminate: reboot` reboots on it (F1)',
    rule: 'F1, R1, R6',
  },
  explore: {
    byDefault: true,
    arbitrary: (target) => fc.constant<ExitSpec>({ fault: 'exit', target: target!, exitCode: 0 }),
  },
});
