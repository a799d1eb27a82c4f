import { DOC_SECTIONS, markdownTable, type DocSection } from '../../format/doc-sections.js';
import { INVARIANTS } from './index.js';

/** README "## Invariants": one row per registered invariant, so the table cannot drift from the code. */
export const invariantsDocSection: DocSection = {
  name: 'invariants',
  render: () => markdownTable(['id', 'kind', 'rule', 'statement'], INVARIANTS.map((inv) => [`\`${inv.id}\``, inv.kind, inv.rule, inv.statement])),
};

DOC_SECTIONS.push(invariantsDocSection);
