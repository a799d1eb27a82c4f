import { z } from 'zod';
import { DOC_SECTIONS, markdownTable, type DocSection } from '../format/doc-sections.js';
import { FAULT_KINDS } from './registry.js';
import type { FaultKindModule } from './types.js';

/** `exit_code` (default 1), `signal` (`kill`, `term` or `abort`). */
function fieldsCell(module: FaultKindModule): string {
  if (module.doc.fields !== undefined) return module.doc.fields;
  return Object.entries(module.fields)
    .map(([field, schema]) => {
      if (field in module.defaults) return `\`${field}\` (default ${String(module.defaults[field])})`;
      if (schema instanceof z.ZodEnum) {
        const values = schema.options.map((v) => `\`${String(v)}\``);
        return `\`${field}\` (${values.slice(0, -1).join(', ')} or ${values.at(-1)})`;
      }
      return `\`${field}\``;
    })
    .join(', ');
}

function exploreCell(module: FaultKindModule): string {
  if (module.explore === undefined) return 'no';
  return module.explore.byDefault ? 'yes' : 'with `--faults`';
}

/** README "### The scenario format": one row per registered fault kind, so the table cannot drift from the code. */
export const faultsDocSection: DocSection = {
  name: 'faults',
  render: () =>
    markdownTable(
      ['fault', 'fields', 'what it does', 'rules', 'explore draws it'],
      (FAULT_KINDS as readonly FaultKindModule[]).map((m) => [`\`${m.key}: ${m.doc.value}\``, fieldsCell(m), m.doc.summary, m.doc.rule, exploreCell(m)]),
    ),
};

DOC_SECTIONS.push(faultsDocSection);
