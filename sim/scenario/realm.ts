/**
 * Monikers and realms. A moniker is a topological path such as
 * `/core/network/netstack`; its realm is the parent path (`/core/network`),
 * whose child declaration is what sets `on_terminate`. A plain service name
 * such as `ahcid` lives in the root realm `/`.
 */
export function realmOf(moniker: string): string {
  const cut = moniker.lastIndexOf('/');
  return cut <= 0 ? '/' : moniker.slice(0, cut);
}

/**
 * Whether a moniker matches an allowlist entry: an exact moniker, or a
 * pattern ending in `/*` (direct children) or `/**` (any descendant).
 */
export function matchesAllowlistEntry(moniker: string, entry: string): boolean {
  if (entry.endsWith('/**')) return moniker.startsWith(entry.slice(0, -2));
  if (entry.endsWith('/*')) return realmOf(moniker) === entry.slice(0, -2);
  return moniker === entry;
}

export function isAllowlisted(moniker: string, allowlist: readonly string[]): boolean {
  return allowlist.some((entry) => matchesAllowlistEntry(moniker, entry));
}

export function isPattern(entry: string): boolean {
  return entry.endsWith('/*') || entry.endsWith('/**');
}
