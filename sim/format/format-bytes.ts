/**
 * Bytes as people read them, in decimal units: 950 -> "950 B", 29_100_000 -> "29.1 MB".
 * One definition for every place that prints sizes (the CLI's summary, the
 * viewer), so a run reads the same wherever it is looked at.
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${bytes} B`;
}
