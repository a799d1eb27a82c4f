import { DOC_SECTIONS, markdownTable, type DocSection } from '../../format/doc-sections.js';
import { PRESETS } from './index.js';

/** README "### Presets": one row per registered preset, so the table cannot drift from the code. */
export const presetsDocSection: DocSection = {
  name: 'presets',
  render: () => markdownTable(['preset', 'what it does', 'source'], PRESETS.map((p) => [`\`${p.name}\``, p.summary, p.source])),
};

DOC_SECTIONS.push(presetsDocSection);
