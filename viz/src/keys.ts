import type { App } from './app.js';
import { memberVisible } from './layout/filter.js';
import type { MarkMember, RecordRef } from './layout/model.js';
import { firstInWindow, nearestInLane, stepInLane } from './layout/navigate.js';
import { panBy, zoomAt } from './layout/viewport.js';

/** Elements whose keys are all their own: typing and choosing. */
const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Elements that Enter and Space press. */
const PRESSABLE = new Set(['BUTTON', 'A', 'SUMMARY']);

/** The lane a record is on and its row, when the row is shown. */
function placeOf(app: App, ref: RecordRef): { laneIndex: number; row: number; t: number } | undefined {
  const trace = app.model?.traces[ref.traceIndex];
  const record = trace?.bySeq.get(ref.seq);
  const laneIndex = trace?.laneOfSeq.get(ref.seq);
  if (!record || laneIndex === undefined) return undefined;
  const row = app.rows.findIndex((r) => r.kind === 'lane' && r.laneIndex === laneIndex);
  return { laneIndex, row, t: record.t };
}

/** How long a note about a key stays up. */
const NOTE_MS = 2500;
let noteTimer = 0;

/** Says what a key could not do (read out by screen readers too), for a moment. */
export function sayAboutKey(doc: Document, text: string): void {
  const box = doc.getElementById('key-status');
  if (!box) return;
  box.textContent = text;
  box.hidden = false;
  window.clearTimeout(noteTimer);
  noteTimer = window.setTimeout(() => {
    box.hidden = true;
  }, NOTE_MS);
}

/** ] and [: the next or previous record on the selection's lane; with nothing selected, the first in view. */
function stepEvent(app: App, direction: 1 | -1): void {
  const visible = (m: MarkMember): boolean => memberVisible(m, app.filter);
  const ref = app.selection;
  const place = ref ? placeOf(app, ref) : undefined;
  if (!ref || !place || place.row < 0) {
    const first = firstInWindow(app.rows, app.domain.startUs, app.domain.endUs, visible);
    if (first) app.jumpTo(first, false);
    else sayAboutKey(document, 'No event in view');
    return;
  }
  const lane = app.model!.lanes[place.laneIndex]!;
  const next = stepInLane(lane, ref.seq, place.t, direction, visible);
  if (next !== undefined) app.jumpTo({ traceIndex: ref.traceIndex, seq: next }, false);
  else sayAboutKey(document, `No ${direction > 0 ? 'next' : 'previous'} event on this lane (${lane.component ?? 'system'})`);
}

/** ↑ and ↓ with a selection: the nearest record in time on the lane above or below. */
function stepLane(app: App, direction: 1 | -1): boolean {
  const ref = app.selection;
  const place = ref ? placeOf(app, ref) : undefined;
  if (!place || place.row < 0) return false;
  const visible = (m: MarkMember): boolean => memberVisible(m, app.filter);
  for (let row = place.row + direction; row >= 0 && row < app.rows.length; row += direction) {
    const target = app.rows[row]!;
    if (target.kind !== 'lane') continue;
    const seq = nearestInLane(target.lane, place.t, visible);
    if (seq !== undefined) {
      app.jumpTo({ traceIndex: target.lane.traceIndex, seq }, false);
      return true;
    }
  }
  return true;
}

/**
 * Keyboard: + / - (or w / s) zoom, ← → (or a / d) pan, 0 or Home shows all;
 * ] / [ (or . / ,) next / previous event, ↑ ↓ the lane above / below, Enter
 * the first event in view; r summarizes the window; f fills the window with
 * the range or the selection's incident; m marks an instant (twice: measures);
 * Esc clears the range, then the marks, then the selection.
 */
export function attachKeys(app: App, doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target && TYPING.has(target.tagName)) return;
    if (target && (PRESSABLE.has(target.tagName) || target.getAttribute('role') === 'button') && (event.key === 'Enter' || event.key === ' ')) return;
    // A separator's arrows resize it.
    if (target?.getAttribute('role') === 'separator') return;
    if (event.ctrlKey || event.metaKey || event.altKey || !app.model) return;
    const d = app.domain;
    const span = d.endUs - d.startUs;
    const middle = (d.startUs + d.endUs) / 2;
    const step = span * (event.shiftKey ? 0.5 : 0.15);
    switch (event.key) {
      case '+':
      case '=':
      case 'w':
        app.setDomain(zoomAt(d, app.extent, 0.7, middle));
        break;
      case '-':
      case '_':
      case 's':
        app.setDomain(zoomAt(d, app.extent, 1 / 0.7, middle));
        break;
      case 'ArrowLeft':
      case 'a':
        app.setDomain(panBy(d, app.extent, -step));
        break;
      case 'ArrowRight':
      case 'd':
        app.setDomain(panBy(d, app.extent, step));
        break;
      case ']':
      case '.':
        stepEvent(app, 1);
        break;
      case '[':
      case ',':
        stepEvent(app, -1);
        break;
      case 'Enter':
        if (app.selection) return;
        stepEvent(app, 1);
        break;
      case 'ArrowDown':
        if (!stepLane(app, 1)) return;
        break;
      case 'ArrowUp':
        if (!stepLane(app, -1)) return;
        break;
      case '0':
      case 'Home':
        app.setDomain(app.extent);
        break;
      case 'Escape':
        if (app.range) app.setRange(null);
        else if (!app.clearMarks()) app.select(null);
        break;
      case 'f':
        if (!app.focusSelection()) sayAboutKey(document, 'Nothing to focus: select a record or pick a range first');
        break;
      case 'm':
        sayAboutKey(document, app.markInstant());
        break;
      case 'r':
        app.setRange(app.rangeOfWindow());
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}
