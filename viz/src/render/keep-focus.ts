/**
 * The side panels are redrawn from scratch at every selection, which would
 * drop keyboard focus to <body> (the next Tab starting over at the toolbar).
 * Before a redraw, remember which control had focus; after it, focus the
 * control that stands for the same item, or, when that item is gone, the one
 * now in its place in the same list.
 */
export interface FocusMark {
  panel: HTMLElement;
  /** Selects controls like the focused one (same tag and classes). */
  kind: string;
  /** Selects the very control (its kind and its data-* attributes naming the item). */
  exact: string;
  /** Its position among the panel's controls of its kind. */
  index: number;
}

/** data-* attributes that name the item a control stands for. */
const ITEM_KEYS = ['data-seq', 'data-trace', 'data-order', 'data-index'];

function kindOf(el: Element): string {
  return [el.tagName.toLowerCase(), ...[...el.classList].map((c) => `.${CSS.escape(c)}`)].join('');
}

export function rememberFocus(panels: readonly HTMLElement[]): FocusMark | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const panel = panels.find((p) => p.contains(active));
  if (!panel) return null;
  const kind = kindOf(active);
  const attrs = ITEM_KEYS.filter((k) => active.hasAttribute(k)).map((k) => `[${k}="${CSS.escape(active.getAttribute(k)!)}"]`);
  const index = [...panel.querySelectorAll(kind)].indexOf(active);
  return { panel, kind, exact: `${kind}${attrs.join('')}`, index };
}

/** Focuses the remembered control again, or its successor; does nothing when focus went somewhere on purpose. */
export function restoreFocus(mark: FocusMark | null): void {
  if (!mark) return;
  const active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) return;
  const same = mark.panel.querySelectorAll<HTMLElement>(mark.kind);
  // The same item when it is still listed (a chain walked to its root lists the same steps); else what took its place.
  const exact = mark.exact !== mark.kind ? mark.panel.querySelector<HTMLElement>(mark.exact) : null;
  const target = exact ?? same[Math.min(mark.index, same.length - 1)] ?? mark.panel.querySelector<HTMLElement>('button, [tabindex]');
  target?.focus({ preventScroll: false });
}
