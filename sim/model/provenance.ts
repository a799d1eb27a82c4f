import type { RecordDraft } from '../trace/records.js';
import type { ComponentSource } from '../scenario/types.js';
import type { Topology } from './topology.js';

/**
 * Provenance of decisions about imported components (`recsim import`): a
 * decision names the file:line of the directive it rests on, so a reader of
 * the trace can go from "restart in 0s" straight to `Restart=always` in the
 * unit file. The model only copies these strings; it never reads a file.
 */

/** The scenario field a decision action rests on, most specific first. */
const FIELDS_BY_ACTION: readonly [RegExp, readonly string[]][] = [
  [/^give-up\+/, ['start_limit', 'failure_action', 'restart']],
  [/^give-up/, ['start_limit', 'restart']],
  [/^reboot/, ['failure_action', 'critical', 'on_terminate', 'start_limit', 'exit_actions']],
  [/^(restart|none)/, ['restart', 'exit_actions']],
];

/**
 * The file:line a decision about a component with this provenance cites; a
 * restart also cites where its delay was set when that is another line (a
 * RestartSec= in a drop-in, say).
 */
export function decisionSource(source: ComponentSource, action: string): string {
  const fields = FIELDS_BY_ACTION.find(([pattern]) => pattern.test(action))?.[1] ?? ['restart'];
  const primary = fields.map((f) => source.fields[f]).find((at) => at !== undefined) ?? source.at;
  const delay = source.fields.restart_delay;
  return /^restart/.test(action) && delay !== undefined && delay !== primary ? `${primary}, ${delay}` : primary;
}

/** The `source` a decision record about an imported component carries; undefined for every other draft. */
export function decisionSourceOf(topo: Topology, draft: RecordDraft): string | undefined {
  if (draft.type !== 'decision') return undefined;
  const c = topo.index.get(draft.component);
  const source = c === undefined ? undefined : topo.specs[c]!.source;
  return source === undefined ? undefined : decisionSource(source, draft.action);
}
