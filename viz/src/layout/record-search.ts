import { describeRecord } from './describe.js';
import type { IndexedTrace, RecordRef } from './model.js';
import type { TraceRecord } from './trace-types.js';

/**
 * A search over records: words must all appear in a record's description or
 * field values; `field:value` must appear in that field. "quoted words" stay
 * together. Case does not matter. `type:decision by:usm restart` finds the
 * monitor usm's restart decisions.
 */
export interface RecordQuery {
  words: string[];
  fields: [string, string][];
}

export function parseQuery(text: string): RecordQuery {
  const query: RecordQuery = { words: [], fields: [] };
  for (const match of text.matchAll(/(\S+?):"([^"]*)"|"([^"]*)"|(\S+)/g)) {
    if (match[1] !== undefined) query.fields.push([match[1], match[2]!.toLowerCase()]);
    else if (match[3] !== undefined) {
      if (match[3] !== '') query.words.push(match[3].toLowerCase());
    } else {
      const token = match[4]!;
      const colon = token.indexOf(':');
      // "30s:" or ":x" are words; a field needs a name and a value.
      if (colon > 0 && colon < token.length - 1 && /^[a-zA-Z]+$/.test(token.slice(0, colon))) query.fields.push([token.slice(0, colon), token.slice(colon + 1).toLowerCase()]);
      else query.words.push(token.toLowerCase());
    }
  }
  return query;
}

export function isEmptyQuery(query: RecordQuery): boolean {
  return query.words.length === 0 && query.fields.length === 0;
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

/** What a record is searched by: its description and every field value, lower-cased. */
export function searchText(record: TraceRecord): string {
  const values = Object.values(record).map(valueText);
  return `${describeRecord(record)}\n${values.join('\n')}`.toLowerCase();
}

export function matchesQuery(record: TraceRecord, query: RecordQuery, text: string = searchText(record)): boolean {
  for (const [field, value] of query.fields) {
    const v = (record as unknown as Record<string, unknown>)[field];
    if (v === undefined || !valueText(v).toLowerCase().includes(value)) return false;
  }
  for (const word of query.words) if (!text.includes(word)) return false;
  return true;
}

const texts = new WeakMap<IndexedTrace, (string | undefined)[]>();

/**
 * Every record of the traces matching a query, in time order (A before B at
 * one instant). Each record's search text is built once, on the first search
 * that needs it, so typing stays quick on 200,000 records.
 */
export function searchRecords(traces: readonly IndexedTrace[], query: RecordQuery): RecordRef[] {
  if (isEmptyQuery(query)) return [];
  const hits: { t: number; ref: RecordRef }[] = [];
  traces.forEach((trace, traceIndex) => {
    let cache = texts.get(trace);
    if (!cache) texts.set(trace, (cache = new Array<string | undefined>(trace.sorted.length)));
    const records = trace.sorted;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      // Field-only queries need no text: skip building it.
      const text = query.words.length === 0 ? '' : (cache[i] ??= searchText(record));
      if (matchesQuery(record, query, text)) hits.push({ t: record.t, ref: { traceIndex, seq: record.seq } });
    }
  });
  return hits.sort((a, b) => a.t - b.t || a.ref.traceIndex - b.ref.traceIndex || a.ref.seq - b.ref.seq).map((h) => h.ref);
}
