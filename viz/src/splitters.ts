/** A draggable, keyboard-operable separator that sets a width (the lane names, the side panel). */
export interface SplitterOptions {
  get(): number;
  set(px: number): void;
  min: number;
  max: () => number;
  /** +1 when dragging right widens, -1 when it narrows (a panel on the right). */
  direction: 1 | -1;
  /** Pixels per arrow key press (Shift: four times). */
  step: number;
}

export function attachSplitter(handle: HTMLElement, options: SplitterOptions): void {
  const clamp = (px: number): number => Math.round(Math.min(options.max(), Math.max(options.min, px)));
  const apply = (px: number): void => {
    const width = clamp(px);
    options.set(width);
    handle.setAttribute('aria-valuenow', String(width));
    handle.setAttribute('aria-valuemin', String(options.min));
    handle.setAttribute('aria-valuemax', String(Math.round(options.max())));
  };
  let drag: { x: number; width: number } | null = null;
  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    drag = { x: event.clientX, width: options.get() };
    handle.setPointerCapture(event.pointerId);
    handle.classList.add('dragging');
  });
  handle.addEventListener('pointermove', (event) => {
    if (drag) apply(drag.width + (event.clientX - drag.x) * options.direction);
  });
  const end = (): void => {
    drag = null;
    handle.classList.remove('dragging');
  };
  handle.addEventListener('pointerup', end);
  handle.addEventListener('pointercancel', end);
  handle.addEventListener('keydown', (event) => {
    const step = options.step * (event.shiftKey ? 4 : 1);
    if (event.key === 'ArrowLeft') apply(options.get() - step * options.direction);
    else if (event.key === 'ArrowRight') apply(options.get() + step * options.direction);
    else if (event.key === 'Home') apply(options.min);
    else if (event.key === 'End') apply(options.max());
    else return;
    event.preventDefault();
  });
  apply(options.get());
}
