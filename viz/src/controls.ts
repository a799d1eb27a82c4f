import * as d3 from 'd3';
import type { App } from './app.js';
import { MARK_KINDS, markKindOf, type MarkKind } from './layout/marks.js';
import type { GroupBy } from './layout/model.js';
import type { RecordType } from './layout/trace-types.js';
import { renderLegend } from './render/legend.js';

/** How long typing must pause before a record search runs. */
const FIND_DEBOUNCE_MS = 150;

export interface ControlElements {
  search: HTMLInputElement;
  find: HTMLInputElement;
  findNext: HTMLButtonElement;
  findPrev: HTMLButtonElement;
  findCount: HTMLElement;
  counters: HTMLInputElement;
  groupBy: HTMLSelectElement;
  typeList: HTMLElement;
  legend: HTMLElement;
  resetZoom: HTMLButtonElement;
  summarizeWindow: HTMLButtonElement;
}

/** Record types present in the loaded traces, with counts. */
function typeCounts(app: App): Map<RecordType, number> {
  const counts = new Map<RecordType, number>();
  for (const trace of app.model?.traces ?? []) {
    for (const [type, records] of trace.byType) counts.set(type, (counts.get(type) ?? 0) + records.length);
  }
  return counts;
}

export interface Controls {
  /** Redraws the legend and type list (after a trace is loaded or the filter changed). */
  refresh(): void;
  /** Shows app's filter, grouping and search in the widgets (after the view was set from a link). */
  sync(): void;
}

/** Lane filter, record search, group-by, the record-type filter and the legend's mark toggles. */
export function attachControls(app: App, el: ControlElements): Controls {
  const hidden = new Set<RecordType>();
  const apply = (): void => {
    app.setFilter({ query: el.search.value, hiddenTypes: new Set(hidden), counters: el.counters.checked });
    refresh();
  };

  el.search.addEventListener('input', apply);
  // Searching 200,000 records takes a moment: wait until typing pauses.
  let findTimer = 0;
  el.find.addEventListener('input', () => {
    clearTimeout(findTimer);
    findTimer = window.setTimeout(() => app.setFind(el.find.value), FIND_DEBOUNCE_MS);
  });
  const step = (direction: 1 | -1): void => {
    clearTimeout(findTimer);
    if (app.find.text !== el.find.value) app.setFind(el.find.value);
    app.findStep(direction);
  };
  el.find.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  });
  el.findNext.addEventListener('click', () => step(1));
  el.findPrev.addEventListener('click', () => step(-1));
  app.onChange(() => {
    const { hits, index, text } = app.find;
    el.findCount.textContent = text.trim() === '' ? '' : hits.length === 0 ? 'no match' : `${index < 0 ? '–' : index + 1} of ${hits.length}`;
  });
  el.counters.addEventListener('change', apply);
  el.groupBy.addEventListener('change', () => app.setGroupBy(el.groupBy.value as GroupBy));
  el.resetZoom.addEventListener('click', () => app.setDomain(app.extent));
  el.summarizeWindow.addEventListener('click', () => app.setRange(app.rangeOfWindow()));

  const kindHidden = (kind: MarkKind, present: Iterable<RecordType>): boolean => {
    let any = false;
    for (const type of present) {
      if (markKindOf(type) !== kind) continue;
      any = true;
      if (!hidden.has(type)) return false;
    }
    return any;
  };

  let lastLoaded: unknown = null;
  let counts = new Map<RecordType, number>();
  function refresh(): void {
    if (lastLoaded !== app.loaded) {
      lastLoaded = app.loaded;
      counts = typeCounts(app);
    }
    const hiddenKinds = new Set(MARK_KINDS.filter((k) => kindHidden(k, counts.keys())));
    renderLegend(el.legend, hiddenKinds, (kind, visible) => {
      for (const type of counts.keys()) {
        if (markKindOf(type) !== kind) continue;
        if (visible) hidden.delete(type);
        else hidden.add(type);
      }
      apply();
    });
    const items = d3
      .select(el.typeList)
      .selectAll<HTMLLabelElement, [RecordType, number]>('label')
      .data([...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])), (d) => d[0])
      .join((enter) => {
        const label = enter.append('label').attr('class', 'type-item');
        label.append('input').attr('type', 'checkbox');
        label.append('span');
        return label;
      })
      .attr('data-type', (d) => d[0]);
    items
      .select<HTMLInputElement>('input')
      .property('checked', (d) => !hidden.has(d[0]))
      .property('disabled', (d) => markKindOf(d[0]) === null)
      .on('change', function (_event, d) {
        if ((this as HTMLInputElement).checked) hidden.delete(d[0]);
        else hidden.add(d[0]);
        apply();
      });
    items.select('span').text((d) => `${d[0]} (${d[1]})${markKindOf(d[0]) === null ? ' — drawn as bars' : ''}`);
  }

  function sync(): void {
    el.search.value = app.filter.query;
    el.counters.checked = app.filter.counters;
    el.groupBy.value = app.groupBy;
    el.find.value = app.find.text;
    hidden.clear();
    for (const type of app.filter.hiddenTypes) hidden.add(type);
    lastLoaded = null;
    refresh();
  }

  return { refresh, sync };
}
