import './style.css';

/** When the viewer's script started, in ms since navigation (reported to the scale test). */
const scriptStartedMs = performance.now();
import { App } from './app.js';
import { attachControls } from './controls.js';
import { attachInteractions } from './interactions.js';
import { attachKeys } from './keys.js';
import { attachSplitter } from './splitters.js';
import { attachDrop, attachFileInput, type PickHandlers } from './load/pickers.js';
import { fetchTrace, inlinedTraces, type LoadedTrace } from './load/sources.js';
import type { RecordRef } from './layout/model.js';
import { centerOn } from './layout/viewport.js';
import { milestones } from './timing.js';
import { decodeUrlState, encodeUrlState } from './layout/url-state.js';

/** How often the address bar follows the view. */
const URL_UPDATE_MS = 250;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`viewer page is missing #${id}`);
  return el as T;
}

/** Narrow windows start with narrower lane names and side panel, so the plot keeps most of the width. */
const narrow = window.innerWidth < 1100;
const side = byId('side');
side.style.width = `${narrow ? 256 : 360}px`;

const app = new App({
  chart: byId('chart'),
  overview: byId('overview-host'),
  timeline: byId('timeline-host'),
  details: byId('details'),
  violations: byId('violations'),
  incidents: byId('incidents'),
  reboots: byId('reboots'),
  summary: byId('summary'),
  warnings: byId('warnings'),
  compare: byId('compare'),
  range: byId('range'),
}, narrow ? 170 : 230);

attachSplitter(byId('label-splitter'), {
  get: () => app.timeline.labelWidth(),
  set: (px) => app.timeline.setLabelWidth(px),
  min: 80,
  max: () => Math.max(80, byId('chart').clientWidth - 200),
  direction: 1,
  step: 16,
});
attachSplitter(byId('side-splitter'), {
  get: () => side.getBoundingClientRect().width,
  set: (px) => {
    side.style.width = `${px}px`;
  },
  min: 180,
  max: () => Math.max(180, window.innerWidth - 360),
  direction: -1,
  step: 24,
});
(byId('legend-box') as HTMLDetailsElement).open = !narrow;
const controls = attachControls(app, {
  search: byId('search'),
  find: byId('find'),
  findNext: byId('find-next'),
  findPrev: byId('find-prev'),
  findCount: byId('find-count'),
  counters: byId('show-counters'),
  groupBy: byId('group-by'),
  typeList: byId('type-list'),
  legend: byId('legend'),
  resetZoom: byId('reset-zoom'),
  summarizeWindow: byId('summarize-window'),
});
attachInteractions(app, byId('tooltip'));
// A lane group's header folds it: by click, or Enter / Space on the focused header.
const chart = byId('chart');
const groupOf = (event: Event): string | null => (event.target as HTMLElement | null)?.closest<HTMLElement>('.group-label[data-group]')?.dataset.group ?? null;
chart.addEventListener('click', (event) => {
  const group = groupOf(event);
  if (group !== null) app.toggleGroup(group);
});
chart.addEventListener('keydown', (event) => {
  const group = groupOf(event);
  if (group === null || (event.key !== 'Enter' && event.key !== ' ')) return;
  event.preventDefault();
  event.stopPropagation();
  app.toggleGroup(group);
});
attachKeys(app, document);

const body = document.body;
const errorBox = byId('error');
function showError(message: string): void {
  errorBox.textContent = message;
  errorBox.hidden = false;
  if (!app.model) body.dataset.state = 'error';
  console.error(message);
}

/** Shows traces; the page says it is ready (body[data-state="ready"]) once the side panels are in too. */
function show(traces: LoadedTrace[], startedMs: number): void {
  errorBox.hidden = true;
  app.load(traces, startedMs, () => {
    body.dataset.state = 'ready';
  });
  const names = traces.map((t) => t.file.summary?.scenario ?? t.name);
  document.title = `${names.join(' vs ')} — recsim`;
  body.classList.toggle('comparing', traces.length > 1);
  byId('exit-compare').hidden = traces.length < 2;
  controls.refresh();
}

/** The view of a link (#w=...&sel=...) once its traces are shown; afterwards the link follows the view. */
function restoreView(): void {
  app.applyUrlState(decodeUrlState(location.hash));
  controls.sync();
  keepViewInUrl();
}

let urlTimer = 0;
function keepViewInUrl(): void {
  app.onChange(() => {
    if (urlTimer || !app.model) return;
    // At most a few times a second: replaceState is slow when called on every frame of a drag.
    urlTimer = window.setTimeout(() => {
      urlTimer = 0;
      const hash = encodeUrlState(app.urlState());
      const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
    }, URL_UPDATE_MS);
  });
}

const handlers: PickHandlers = {
  open: show,
  compare: (trace, started) => show(app.loaded.length > 0 ? [app.loaded[0]!, trace] : [trace], started),
  error: showError,
};
attachFileInput(byId('file-input'), handlers, 'open');
attachFileInput(byId('compare-input'), handlers, 'compare');
byId('open-button').addEventListener('click', () => byId('file-input').click());
byId('compare-button').addEventListener('click', () => byId('compare-input').click());
byId('exit-compare').addEventListener('click', () => show(app.loaded.slice(0, 1), performance.now()));
attachDrop(body, byId('drop-overlay'), handlers);

/** Automation hook: the browser test reads timings and finds where records are drawn. */
const hook = {
  app,
  scriptStartedMs,
  milestones,
  /** Client coordinates of a record's mark, or null when its lane is filtered out. */
  pointOfRecord(ref: RecordRef): { x: number; y: number } | null {
    const trace = app.model?.traces[ref.traceIndex];
    const record = trace?.bySeq.get(ref.seq);
    const lane = trace?.laneOfSeq.get(ref.seq);
    const row = app.rows.findIndex((r) => r.kind === 'lane' && r.laneIndex === lane);
    if (!record || row < 0) return null;
    if (record.t < app.domain.startUs || record.t > app.domain.endUs) {
      app.setDomain(centerOn(app.extent, record.t, app.domain.endUs - app.domain.startUs));
    }
    app.timeline.revealRow(row);
    app.timeline.paintNow();
    return app.timeline.pointOf(record.t, row);
  },
};
(window as unknown as { recsimViewer: typeof hook }).recsimViewer = hook;

async function start(): Promise<void> {
  const started = performance.now();
  body.dataset.state = 'loading';
  try {
    const inlined = inlinedTraces(document);
    if (inlined.length > 0) {
      show(inlined, started);
      return restoreView();
    }
    const params = new URLSearchParams(location.search);
    const url = params.get('trace');
    if (url) {
      const compareUrl = params.get('compare');
      const traces = await Promise.all([fetchTrace(url), ...(compareUrl ? [fetchTrace(compareUrl)] : [])]);
      show(traces, started);
      return restoreView();
    }
    keepViewInUrl();
    body.dataset.state = 'empty';
  } catch (error) {
    showError((error as Error).message);
  }
}

void start();
