import { Document, isMap, isSeq } from 'yaml';
import { terminalSafe } from '../io/terminal.js';
import type { ImportResult } from './types.js';

/**
 * Writes an imported scenario as YAML: a header saying where it came from
 * and what was left out, and above each component a comment naming its file
 * (and drop-ins). The `source:` field carries the same provenance into the
 * trace. Output is deterministic: same inputs, same bytes.
 */
export function scenarioYaml(result: ImportResult, header: string): string {
  const doc = new Document(result.scenario);
  // Comments echo names and paths from the input: escaped, so a newline cannot end the comment and a name cannot drive a terminal.
  doc.commentBefore = header.split('\n').map((l) => ` ${terminalSafe(l)}`).join('\n');
  const components = doc.get('components', true);
  if (isSeq(components)) {
    for (const item of components.items) {
      if (!isMap(item)) continue;
      const name = item.get('name');
      const comment = typeof name === 'string' ? result.comments.get(name) : undefined;
      if (comment) item.commentBefore = ` ${terminalSafe(comment)}`;
      // Keep the provenance on one line each, so the file stays easy to scan.
      const source = item.get('source', true);
      if (isMap(source)) source.flow = true;
      for (const key of ['depends', 'after', 'requires', 'wants', 'requisite', 'binds_to', 'part_of', 'on_failure', 'on_success']) {
        const list = item.get(key, true);
        if (isSeq(list)) list.flow = true;
      }
      const restart = item.get('restart', true);
      if (isMap(restart)) restart.flow = true;
      const limit = item.get('start_limit', true);
      if (isMap(limit)) limit.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
