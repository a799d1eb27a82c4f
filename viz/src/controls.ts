import * as d3 from 'd3';
import type { App } from './app.js';
import { MARK_KINDS, markKindOf, type MarkKind } from './layout/marks.js';
import type { GroupBy } from './layout/model.js';
import type { RecordType } from './layout/trace-types.js';
import { renderLegend } from './render/legend.js';

export interface ControlElements {
  search: HTMLInputElement;
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

/** Search box, group-by, the record-type filter and the legend's mark toggles, all editing app.filter. */
export function attachControls(app: App, el: ControlElements): () => void {
  const hidden = new Set<RecordType>();
  const apply = (): void => {
    app.setFilter({ query: el.search.value, hiddenTypes: new Set(hidden), counters: el.counters.checked });
    refresh();
  };

  el.search.addEventListener('input', apply);
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

  return refresh;
}
