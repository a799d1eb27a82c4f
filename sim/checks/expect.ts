import type { Expectations, RecordPattern } from '../scenario/types.js';
import type { TraceRecord } from '../trace/records.js';
import type { ExpectationResult, RunSummary } from '../trace/trace-file.js';

function compare(what: string, expected: unknown, actual: unknown): ExpectationResult {
  const ok = JSON.stringify(expected) === JSON.stringify(actual);
  return ok ? { what, ok } : { what, ok, actual: JSON.stringify(actual) };
}

export function describePattern(p: RecordPattern): string {
  const fields = Object.entries(p.fields).map(([k, v]) => `${k}=${v}`);
  return [p.type, p.component, ...fields].filter((x) => x !== undefined).join(' ');
}

export function matchesPattern(r: TraceRecord, p: RecordPattern): boolean {
  if (r.type !== p.type) return false;
  if (p.component !== undefined && r.component !== p.component) return false;
  const fields = r as unknown as Record<string, unknown>;
  return Object.entries(p.fields).every(([k, v]) => String(fields[k]) === String(v));
}

/** The ordered record list: each pattern must match a record after the one matched before it. */
function checkOrderedRecords(patterns: readonly RecordPattern[], records: readonly TraceRecord[]): ExpectationResult[] {
  const out: ExpectationResult[] = [];
  let from = 0;
  for (const p of patterns) {
    const what = `record ${describePattern(p)}`;
    const at = records.findIndex((r, i) => i >= from && matchesPattern(r, p));
    if (at < 0) {
      const anywhere = records.find((r) => matchesPattern(r, p));
      out.push({ what, ok: false, actual: anywhere ? `found at seq ${anywhere.seq}, but before the record expected to precede it` : 'no such record' });
    } else {
      out.push({ what: `${what} (seq ${records[at]!.seq})`, ok: true });
      from = at + 1;
    }
  }
  return out;
}

/**
 * The record patterns of an `expect:` block, checked as records are
 * written: only records that match some `records` pattern are kept (at most
 * `maxKept`), and only the first match of each `absent` pattern, so a long
 * run is not held in memory to check a few patterns.
 */
export class RecordExpectations {
  private readonly kept: TraceRecord[] = [];
  private readonly absentSeq: (number | undefined)[];

  constructor(private readonly ordered: readonly RecordPattern[], private readonly absent: readonly RecordPattern[], private readonly maxKept = 100_000) {
    this.absentSeq = absent.map(() => undefined);
  }

  /** No pattern to look for: nothing need see the records. */
  get idle(): boolean {
    return this.ordered.length === 0 && this.absent.length === 0;
  }

  readonly sink = (r: TraceRecord): void => {
    if (this.kept.length < this.maxKept && this.ordered.some((p) => matchesPattern(r, p))) this.kept.push(r);
    for (let i = 0; i < this.absent.length; i++) if (this.absentSeq[i] === undefined && matchesPattern(r, this.absent[i]!)) this.absentSeq[i] = r.seq;
  };

  results(): ExpectationResult[] {
    const out = checkOrderedRecords(this.ordered, this.kept);
    this.absent.forEach((p, i) => {
      const found = this.absentSeq[i];
      const what = `no record ${describePattern(p)}`;
      out.push(found !== undefined ? { what, ok: false, actual: `found at seq ${found}` } : { what, ok: true });
    });
    return out;
  }
}

export function recordExpectationsOf(expect: Expectations | undefined): RecordExpectations {
  return new RecordExpectations(expect?.records ?? [], expect?.absent ?? []);
}

/**
 * Checks a scenario's `expect:` block against the run's summary and its
 * records: the records themselves, or the patterns already matched online.
 */
export function checkExpectations(expect: Expectations | undefined, summary: Omit<RunSummary, 'expectations'>, records: readonly TraceRecord[] | RecordExpectations): ExpectationResult[] {
  if (!expect) return [];
  const out: ExpectationResult[] = [];
  if (expect.outcome !== undefined) out.push(compare(`outcome = ${expect.outcome}`, expect.outcome, summary.outcome));
  if (expect.reboots?.graceful !== undefined) out.push(compare(`reboots.graceful = ${expect.reboots.graceful}`, expect.reboots.graceful, summary.reboots.graceful));
  if (expect.reboots?.ungraceful !== undefined) out.push(compare(`reboots.ungraceful = ${expect.reboots.ungraceful}`, expect.reboots.ungraceful, summary.reboots.ungraceful));
  if (expect.restarts?.total !== undefined) out.push(compare(`restarts = ${expect.restarts.total}`, expect.restarts.total, summary.restarts.total));
  for (const [name, n] of Object.entries(expect.restarts?.byComponent ?? {})) {
    out.push(compare(`restarts of ${name} = ${n}`, n, summary.restarts.byComponent[name] ?? 0));
  }
  for (const [name, state] of Object.entries(expect.finalStates ?? {})) {
    out.push(compare(`final state of ${name} = ${state}`, state, summary.finalStates[name]));
  }
  if (expect.lostRequests !== undefined) out.push(compare(`lost requests = ${expect.lostRequests}`, expect.lostRequests, summary.lostRequests));
  if (expect.lostDataBytes !== undefined) out.push(compare(`lost data bytes = ${expect.lostDataBytes}`, expect.lostDataBytes, summary.lostDataBytes));
  const percent = (share: number): number => Number((share * 100).toFixed(2));
  if (expect.availablePercent !== undefined) out.push(compare(`available % = ${expect.availablePercent}`, expect.availablePercent, percent(summary.availability)));
  if (expect.upPercent !== undefined) out.push(compare(`up % = ${expect.upPercent}`, expect.upPercent, percent(summary.up)));
  if (expect.violations !== undefined) {
    const actual = [...new Set(summary.violations.map((v) => v.invariant))].sort();
    const expected = expect.violations === 'none' ? [] : [...new Set(expect.violations)].sort();
    const result = compare(expect.violations === 'none' ? 'no violations' : `violations = ${expected.join(', ')}`, expected, actual);
    out.push(result.ok ? result : { ...result, actual: actual.length === 0 ? 'none' : actual.join(', ') });
  }
  let matched = records;
  if (!(matched instanceof RecordExpectations)) {
    const online = recordExpectationsOf(expect);
    for (const r of matched) online.sink(r);
    matched = online;
  }
  out.push(...matched.results());
  return out;
}
