import { causalChain, chainArrows } from './layout/causes.js';
import { NO_FILTER, visibleRows, type ViewFilter } from './layout/filter.js';
import { markAt } from './layout/hit-test.js';
import type { TraceRecord } from './layout/trace-types.js';
import type { GroupBy, RecordRef, Row, TimelineModel } from './layout/model.js';
import { describeIncident, incidentSteps } from './layout/describe-incident.js';
import type { Incident } from './layout/incidents.js';
import { directEffects, incidentStories, rebootStories, violationStories, type IncidentStory } from './layout/stories.js';
import { buildTimeline } from './layout/timeline-model.js';
import { centerOn, clampDomain, frameSpan, type Domain } from './layout/viewport.js';
import type { LoadedTrace } from './load/sources.js';
import { milestone } from './timing.js';
import { formatInstant, formatSpan, roundToZoom } from './layout/time-format.js';
import { renderDetails } from './render/details.js';
import { rememberFocus, restoreFocus } from './render/keep-focus.js';
import { renderIncidentList, type IncidentOrder } from './render/incident-list.js';
import { renderJumpList } from './render/jump-list.js';
import type { Highlight } from './render/overlay.js';
import { createOverview, type OverviewView } from './render/overview.js';
import { renderSummary } from './render/summary.js';
import { renderComparePanel } from './render/compare-panel.js';
import { renderRangePanel } from './render/range-panel.js';
import { summarizeRange, type RangeSelection } from './layout/range-summary.js';
import { parseQuery, searchRecords } from './layout/record-search.js';
import type { UrlState } from './layout/url-state.js';
import { compareTraces, type Comparison } from './comparison.js';
import { renderWarnings } from './render/warnings.js';
import { traceProblems } from './layout/consistency.js';
import { createTimeline, DEFAULT_TIMELINE_OPTIONS, type TimelineView } from './render/timeline.js';

/** Where the app draws; the page (index.html) provides these elements. */
export interface AppElements {
  /** Holds the overview and the timeline; carries the --label-width they share. */
  chart: HTMLElement;
  overview: HTMLElement;
  timeline: HTMLElement;
  details: HTMLElement;
  violations: HTMLElement;
  incidents: HTMLElement;
  reboots: HTMLElement;
  summary: HTMLElement;
  warnings: HTMLElement;
  compare: HTMLElement;
  range: HTMLElement;
}

/** The narrowest window a jump shows: an incident of a few µs is still framed readably. */
const MIN_FRAME_US = 2_000;
/** The window around a record no fault caused, when jumping from the whole-run view. */
const UNCAUSED_FRAME_US = 60_000_000;

/** Load and first-paint timings, for the browser test and curious users (window.recsimViewer). */
export interface LoadTimings {
  /** performance.now() when loading started (the script had run by then; the page had been parsed). */
  startedMs: number;
  layoutMs: number;
  /** From loading (the script) to the timeline painted into its canvas. */
  scriptToPaintMs: number;
  /**
   * First view as a user waits for it: from navigation (performance.now()
   * counts from it) to the first frame that shows the timeline, i.e. the
   * frame after the canvas was painted (the page's parsing, fetching and
   * styling included).
   */
  firstViewMs: number;
  /** From navigation to the side panels filled in too (they follow the first frame). */
  readyMs: number;
  records: number;
}

/**
 * The viewer's one owner of state: the loaded traces, the layout built from
 * them, the filter, the visible window and the selection. Every change goes
 * through a method here and ends in render().
 */
export class App {
  loaded: LoadedTrace[] = [];
  model: TimelineModel | null = null;
  groupBy: GroupBy = 'realm';
  filter: ViewFilter = NO_FILTER;
  rows: Row[] = [];
  domain: Domain = { startUs: 0, endUs: 1 };
  selection: RecordRef | null = null;
  incidentOrder: IncidentOrder = 'time';
  /** The record search: its text, the records it matched in time order, the one shown (-1: none yet). */
  find: { text: string; hits: RecordRef[]; index: number } = { text: '', hits: [], index: -1 };
  /** A time range (and lanes) to summarize, or null. */
  range: RangeSelection | null = null;
  /** Instants marked with `m` to measure between (at most two). */
  measureMarks: number[] = [];
  private comparisonOf: { model: TimelineModel; comparison: Comparison } | null = null;
  /** The incident list of the model shown (thousands in a day: built once, not at every click). */
  private storiesOf: { model: TimelineModel; incidents: IncidentStory[] } | null = null;
  timings: LoadTimings | null = null;
  /**
   * Set while a trace is loading: the side panels wait until the first frame
   * shows the timeline (they are not part of it, and listing thousands of
   * incidents would delay it); render() only notes that they are due.
   */
  private panelsWaitForFirstFrame = false;
  readonly timeline: TimelineView;
  private readonly overview: OverviewView;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly el: AppElements, labelWidth: number = DEFAULT_TIMELINE_OPTIONS.labelWidth) {
    this.overview = createOverview(el.overview, (d) => this.setDomain(d));
    this.timeline = createTimeline(el.chart, el.timeline, { labelWidth });
  }

  /** Called after every state change (the page updates its controls). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get tags(): string[] {
    return this.loaded.length > 1 ? this.loaded.map((_, i) => String.fromCharCode(65 + i)) : [];
  }

  get extent(): Domain {
    return this.model ? { startUs: this.model.startUs, endUs: this.model.endUs } : { startUs: 0, endUs: 1 };
  }

  /**
   * Shows these traces (one, or two to compare), from the whole run, nothing
   * selected. The timeline is painted in the next frame; the side panels
   * follow that frame, and then `ready` is called.
   */
  load(traces: LoadedTrace[], startedMs: number, ready: () => void = () => {}): void {
    const layoutStarted = performance.now();
    this.loaded = traces;
    this.model = buildTimeline(traces, this.groupBy);
    const layoutMs = performance.now() - layoutStarted;
    milestone('layout');
    this.rows = visibleRows(this.model, this.filter);
    this.domain = this.extent;
    this.selection = null;
    this.range = null;
    this.find = { text: this.find.text, hits: [], index: -1 };
    this.panelsWaitForFirstFrame = true;
    // The timeline paints at the next animation frame, once: a view restored from the link
    // (main.ts, right after this) is painted in the same frame rather than over a first paint.
    this.render(true);
    const records = traces.reduce((n, t) => n + t.file.records.length, 0);
    let paintedMs = 0;
    this.timings = null;
    const model = this.model;
    // The frame that shows the painted canvas: the next animation frame's callbacks run before it
    // is drawn (the timeline's paint was asked for first, so it runs first), a message posted from
    // there is handled after it (the usual "next paint" measure).
    requestAnimationFrame(() => {
      milestone('painted');
      paintedMs = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        milestone('first-frame');
        const firstViewMs = performance.now();
        if (this.model !== model) return;
        this.panelsWaitForFirstFrame = false;
        this.renderPanels();
        milestone('panels');
        this.timings = { startedMs, layoutMs, scriptToPaintMs: paintedMs - startedMs, firstViewMs, readyMs: performance.now(), records };
        ready();
        this.notify();
      };
      channel.port2.postMessage(null);
    });
    if (this.find.text) this.setFind(this.find.text);
    this.notify();
  }

  setGroupBy(groupBy: GroupBy): void {
    if (groupBy === this.groupBy) return;
    this.groupBy = groupBy;
    if (!this.model) return;
    this.model = buildTimeline(this.loaded, groupBy);
    this.rows = visibleRows(this.model, this.filter);
    this.render(true);
  }

  setFilter(filter: ViewFilter): void {
    this.filter = { ...filter, folded: filter.folded ?? this.filter.folded };
    if (this.model) this.rows = visibleRows(this.model, filter);
    this.render(false);
  }

  /** Folds a lane group to its header, or unfolds it. */
  toggleGroup(group: string): void {
    const folded = new Set(this.filter.folded ?? []);
    if (folded.has(group)) folded.delete(group);
    else folded.add(group);
    this.setFilter({ ...this.filter, folded });
  }

  setDomain(domain: Domain): void {
    this.domain = clampDomain(domain, this.extent);
    this.render(false);
  }

  select(ref: RecordRef | null): void {
    this.selection = ref && this.model?.traces[ref.traceIndex]?.bySeq.has(ref.seq) ? ref : null;
    this.render(true);
  }

  /**
   * Selects a record and brings it into view, its lane scrolled into sight.
   * `frame`: show the record's whole incident (fault to running again), or
   * its causal chain when no fault caused it; otherwise the window moves only
   * when the record is out of it.
   */
  jumpTo(ref: RecordRef, frame = true): void {
    const trace = this.model?.traces[ref.traceIndex];
    const record = trace?.bySeq.get(ref.seq);
    if (!trace || !record) return;
    const full = this.extent.endUs - this.extent.startUs;
    const span = this.domain.endUs - this.domain.startUs;
    const wholeRun = span >= full * 0.99;
    const inView = record.t >= this.domain.startUs && record.t <= this.domain.endUs;
    if (frame || wholeRun || !inView) {
      const incident = this.incidentOf(ref);
      if (incident) {
        this.domain = frameSpan(this.extent, Math.min(incident.startUs, record.t), Math.max(incident.endUs, record.t), MIN_FRAME_US);
      } else {
        const chain = causalChain(trace, ref.seq);
        const rootUs = chain[chain.length - 1]?.t ?? record.t;
        const fallback = wholeRun ? Math.min(full, UNCAUSED_FRAME_US) : span;
        this.domain = rootUs < record.t ? frameSpan(this.extent, rootUs, record.t, MIN_FRAME_US) : centerOn(this.extent, record.t, fallback);
      }
    }
    const lane = trace.laneOfSeq.get(record.seq);
    const row = this.rows.findIndex((r) => r.kind === 'lane' && r.laneIndex === lane);
    if (row >= 0) this.timeline.revealRow(row);
    this.select(ref);
  }

  /** Everything about the loaded traces a reader should not miss: summary and records disagreeing, ... */
  warnings(): string[] {
    const tags = this.tags;
    const own = (this.model?.traces ?? []).flatMap((trace, i) => traceProblems(trace.file).map((p) => `${tags[i] ? `${tags[i]}: ` : ''}${p}`));
    return [...(this.comparison?.problems ?? []), ...own];
  }

  /** The incident whose fault is at the root of a record's causal chain. */
  incidentOf(ref: RecordRef): Incident | undefined {
    const trace = this.model?.traces[ref.traceIndex];
    const fault = trace?.rootFault.get(ref.seq);
    return fault === undefined ? undefined : trace!.incidentOfFault.get(fault);
  }

  /** Summarizes a range (null clears it). */
  setRange(range: RangeSelection | null): void {
    this.range = range && range.endUs !== range.startUs && range.lanes.length > 0 ? range : null;
    this.render(true);
  }

  /** Shows a range being drawn, without summarizing it yet (that waits for the pointer to let go). */
  previewRange(range: RangeSelection): void {
    this.range = range;
    this.render(false);
  }

  /** The range of the current window over every lane shown. */
  rangeOfWindow(): RangeSelection {
    // A zoomed window's ends are fractions of a µs: rounded to what a pixel shows, like a picked range.
    const usPerPx = (this.domain.endUs - this.domain.startUs) / Math.max(1, this.timeline.plotWidth());
    const [startUs, endUs] = [roundToZoom(this.domain.startUs, usPerPx), roundToZoom(this.domain.endUs, usPerPx)];
    return { startUs, endUs, lanes: this.rows.flatMap((r) => (r.kind === 'lane' ? [r.laneIndex] : [])) };
  }

  /** Searches records; the first step (findStep) goes to the first match after the window's start. */
  setFind(text: string): void {
    const hits = this.model ? searchRecords(this.model.traces, parseQuery(text)) : [];
    this.find = { text, hits, index: -1 };
    this.notify();
  }

  /** Jumps to the next (1) or previous (-1) match of the search. */
  findStep(direction: 1 | -1): void {
    const { hits } = this.find;
    if (hits.length === 0) return;
    let index = this.find.index;
    if (index < 0) {
      // Start from what is in view: the first match at or after the window's start.
      const tOf = (ref: RecordRef): number => this.model!.traces[ref.traceIndex]!.bySeq.get(ref.seq)!.t;
      const first = hits.findIndex((ref) => tOf(ref) >= this.domain.startUs);
      index = direction > 0 ? (first < 0 ? 0 : first) : (first <= 0 ? hits.length - 1 : first - 1);
    } else {
      index = (index + direction + hits.length) % hits.length;
    }
    this.find = { ...this.find, index };
    this.jumpTo(hits[index]!, false);
  }

  /** The view as a link keeps it (see layout/url-state.ts). */
  urlState(): UrlState {
    const whole = this.domain.startUs <= this.extent.startUs && this.domain.endUs >= this.extent.endUs;
    return {
      window: whole ? undefined : this.domain,
      selection: this.selection ?? undefined,
      lanes: this.filter.query || undefined,
      find: this.find.text || undefined,
      hiddenTypes: [...this.filter.hiddenTypes],
      groupBy: this.groupBy,
      counters: this.filter.counters,
      range: this.range ?? undefined,
    };
  }

  /** Restores a view from a link, after the traces are loaded; what no longer fits the traces is dropped. */
  applyUrlState(state: UrlState): void {
    if (!this.model) return;
    if (state.groupBy) this.setGroupBy(state.groupBy);
    const known = new Set<string>(this.model.traces.flatMap((t) => [...t.byType.keys()]));
    this.filter = {
      query: state.lanes ?? '',
      hiddenTypes: new Set((state.hiddenTypes ?? []).filter((t) => known.has(t))) as ViewFilter['hiddenTypes'],
      counters: state.counters ?? true,
    };
    this.rows = visibleRows(this.model, this.filter);
    if (state.window) this.domain = clampDomain(state.window, this.extent);
    const lanes = this.model.lanes.length;
    this.range = state.range && state.range.lanes.every((l) => l < lanes) ? state.range : null;
    if (state.find) this.setFind(state.find);
    this.select(state.selection ?? null);
  }

  /**
   * `m`: marks an instant (the selected record's, else the middle of the
   * window); a second mark measures the time between the two; a third starts over.
   * Returns what was measured, in words.
   */
  markInstant(): string {
    const ref = this.selection;
    const record = ref ? this.model?.traces[ref.traceIndex]?.bySeq.get(ref.seq) : undefined;
    const t = record ? record.t : Math.round((this.domain.startUs + this.domain.endUs) / 2);
    this.measureMarks = this.measureMarks.length >= 2 ? [t] : [...this.measureMarks, t];
    this.render(false);
    const [m1, m2] = this.measureMarks;
    return m2 === undefined ? `Mark at ${formatInstant(m1!)}: press m at a second instant to measure` : `From ${formatInstant(Math.min(m1!, m2))} to ${formatInstant(Math.max(m1!, m2))}: ${formatSpan(Math.abs(m2 - m1!))}`;
  }

  clearMarks(): boolean {
    if (this.measureMarks.length === 0) return false;
    this.measureMarks = [];
    this.render(false);
    return true;
  }

  /** `f`: the range when one is picked, else the selection's incident (or causal chain), fills the window. */
  focusSelection(): boolean {
    if (this.range) {
      this.setDomain({ startUs: Math.min(this.range.startUs, this.range.endUs), endUs: Math.max(this.range.startUs, this.range.endUs) });
      return true;
    }
    if (this.selection) {
      this.jumpTo(this.selection, true);
      return true;
    }
    return false;
  }

  setIncidentOrder(order: IncidentOrder): void {
    this.incidentOrder = order;
    this.render(true);
  }

  private highlight(): Highlight | null {
    const ref = this.selection;
    const trace = ref ? this.model?.traces[ref.traceIndex] : undefined;
    if (!ref || !trace) return null;
    const chain = causalChain(trace, ref.seq);
    return {
      arrows: chainArrows(trace, chain),
      points: chain.map((r) => ({ seq: r.seq, t: r.t, lane: trace.laneOfSeq.get(r.seq) ?? 0 })),
    };
  }

  private render(panels: boolean): void {
    if (!this.model) return;
    const divergenceUs = this.comparison?.divergenceUs;
    const markers = divergenceUs === null || divergenceUs === undefined ? [] : [{ t: divergenceUs, label: 'A ≠ B from here' }];
    const [m1, m2] = this.measureMarks;
    if (m1 !== undefined) markers.push({ t: m1, label: m2 === undefined ? 'mark' : 'mark 1' });
    if (m1 !== undefined && m2 !== undefined) markers.push({ t: m2, label: `mark 2: ${formatSpan(Math.abs(m2 - m1))} ${m2 >= m1 ? 'after' : 'before'} mark 1` });
    this.timeline.update({ rows: this.rows, filter: this.filter, domain: this.domain, highlight: this.highlight(), markers, range: this.range }, { traceTags: this.tags });
    this.overview.update(this.model, this.domain);
    if (panels && !this.panelsWaitForFirstFrame) this.renderPanels();
    this.notify();
  }

  /** Compare mode's totals, checks and first difference: computed once per pair of traces. */
  get comparison(): Comparison | null {
    if (!this.model || this.model.traces.length !== 2) return null;
    if (this.comparisonOf?.model !== this.model) this.comparisonOf = { model: this.model, comparison: compareTraces(this.model.traces[0]!, this.model.traces[1]!) };
    return this.comparisonOf.comparison;
  }

  private renderPanels(): void {
    const panels = [this.el.details, this.el.compare, this.el.range, this.el.violations, this.el.incidents, this.el.reboots];
    const focus = rememberFocus(panels);
    this.drawPanels();
    restoreFocus(focus);
  }

  private drawPanels(): void {
    const model = this.model!;
    const tags = this.tags;
    const pick = (ref: RecordRef): void => this.jumpTo(ref);
    renderSummary(this.el.summary, model.traces, tags);
    renderComparePanel(this.el.compare, this.comparison?.view ?? null, pick);
    const range = this.range;
    renderRangePanel(this.el.range, range ? summarizeRange(model.traces, model.lanes, range) : null, tags, {
      zoom: () => range && this.setDomain({ startUs: Math.min(range.startUs, range.endUs), endUs: Math.max(range.startUs, range.endUs) }),
      clear: () => this.setRange(null),
      pick: (ref) => this.jumpTo(ref, false),
    });
    renderWarnings(this.el.warnings, this.warnings());
    renderJumpList(this.el.violations, 'Invariant violations', 'No invariant violations', violationStories(model.traces, tags), pick);
    if (this.storiesOf?.model !== model) this.storiesOf = { model, incidents: incidentStories(model.traces, tags) };
    renderIncidentList(this.el.incidents, this.storiesOf.incidents, this.incidentOrder, (order) => this.setIncidentOrder(order), pick);
    renderJumpList(this.el.reboots, 'Reboots and panics, with their root cause', 'No reboot or panic', rebootStories(model.traces, tags), pick);
    const ref = this.selection;
    const trace = ref ? model.traces[ref.traceIndex] : undefined;
    const record = ref ? trace?.bySeq.get(ref.seq) : undefined;
    const incident = ref ? this.incidentOf(ref) : undefined;
    renderDetails(
      this.el.details,
      ref && trace && record
        ? {
            traceTag: tags[ref.traceIndex] ?? '',
            record,
            chain: causalChain(trace, ref.seq),
            effects: directEffects(trace, ref.seq),
            sameInstant: this.sameInstant(ref),
            blamed: record.type === 'violation' ? trace.bySeq.get(record.record ?? record.cause ?? -1) : undefined,
            incident: incident ? { text: describeIncident(incident), steps: incidentSteps(incident) } : undefined,
          }
        : null,
      {
        pick: (seq) => this.jumpTo({ traceIndex: ref!.traceIndex, seq }, false),
        frameIncident: () => this.jumpTo(ref!, true),
      },
    );
  }

  /** The records sharing the selected record's mark: same lane, same instant. */
  private sameInstant(ref: RecordRef): TraceRecord[] {
    const trace = this.model?.traces[ref.traceIndex];
    const record = trace?.bySeq.get(ref.seq);
    const laneIndex = trace?.laneOfSeq.get(ref.seq);
    const lane = laneIndex === undefined ? undefined : this.model?.lanes[laneIndex];
    const mark = lane && record ? markAt(lane, record.t) : undefined;
    return mark ? mark.members.flatMap((m) => trace!.bySeq.get(m.seq) ?? []) : [];
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
