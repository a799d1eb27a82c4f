import type { App } from './app.js';
import { panBy, zoomAt } from './layout/viewport.js';

/** Keyboard: + / - (or w / s) zoom, arrows (or a / d) pan, 0 or Home shows all, Esc clears the selection. */
export function attachKeys(app: App, doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
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
      case '0':
      case 'Home':
        app.setDomain(app.extent);
        break;
      case 'Escape':
        if (app.range) app.setRange(null);
        else app.select(null);
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
