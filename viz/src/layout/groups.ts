import type { TraceRecord } from './trace-types.js';

/** Group header for components whose name has no realm (e.g. Redox's "ahcid"). */
export const NO_REALM = '(no realm)';
/** Group header for components no monitor ever detected or decided about. */
export const NO_MONITOR = '(no monitor seen)';

/**
 * The realm of a moniker: everything before its last segment.
 * "/core/network/netstack" -> "/core/network"; "/netstack" -> "/"; "ahcid" -> NO_REALM.
 */
export function realmOf(component: string): string {
  if (!component.startsWith('/')) return NO_REALM;
  const cut = component.lastIndexOf('/');
  return cut === 0 ? '/' : component.slice(0, cut);
}

/** What a lane shows as its label: the last moniker segment, or the whole name. */
export function shortLabel(component: string): string {
  if (!component.startsWith('/')) return component;
  const last = component.slice(component.lastIndexOf('/') + 1);
  return last === '' ? component : last;
}

/**
 * The monitor of each component: the `by` of its detection and decision
 * records, the most frequent one winning (ties to the first seen).
 */
export function monitorsOf(records: readonly TraceRecord[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const record of records) {
    if (record.type !== 'detected' && record.type !== 'decision') continue;
    let byMonitor = counts.get(record.component);
    if (!byMonitor) counts.set(record.component, (byMonitor = new Map()));
    byMonitor.set(record.by, (byMonitor.get(record.by) ?? 0) + 1);
  }
  const result = new Map<string, string>();
  for (const [component, byMonitor] of counts) {
    let best = '';
    let bestCount = 0;
    for (const [monitor, count] of byMonitor) {
      if (count > bestCount) [best, bestCount] = [monitor, count];
    }
    result.set(component, best);
  }
  return result;
}
