import type { TraceFile } from '../layout/trace-types.js';
import { milestone } from '../timing.js';
import { parseTraceText } from './parse-trace.js';

/** The id of the `<script type="application/json">` block an HTML report inlines its trace in. */
export const INLINE_TRACE_ID = 'recsim-trace';
/** A second inlined trace (sim/report/html.ts): the report opens comparing the two. */
export const INLINE_COMPARE_ID = 'recsim-trace-b';

export interface LoadedTrace {
  name: string;
  file: TraceFile;
}

function inlined(doc: Document, id: string, name: string): LoadedTrace | null {
  const block = doc.getElementById(id);
  const text = block?.textContent?.trim();
  if (!block || !text) return null;
  milestone('inline-read');
  const file = parseTraceText(text, name);
  milestone('parsed');
  return { name, file };
}

/** The traces inlined in this page by `recsim run --html` (one) or `recsim compare --html` (two, A and B); empty without. */
export function inlinedTraces(doc: Document): LoadedTrace[] {
  const first = inlined(doc, INLINE_TRACE_ID, 'this report');
  if (!first) return [];
  const second = inlined(doc, INLINE_COMPARE_ID, 'this report (B)');
  return second ? [first, second] : [first];
}

/** Fetches the trace at a URL (relative to the page). */
export async function fetchTrace(url: string): Promise<LoadedTrace> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`${url}: could not fetch (${(error as Error).message})`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  const text = await response.text();
  milestone('fetched');
  const file = parseTraceText(text, url);
  milestone('parsed');
  return { name: url, file };
}

/** Reads a trace from a picked or dropped file. */
export async function readTraceFile(file: File): Promise<LoadedTrace> {
  return { name: file.name, file: parseTraceText(await file.text(), file.name) };
}
