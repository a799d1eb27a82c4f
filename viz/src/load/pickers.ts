import { readTraceFile, type LoadedTrace } from './sources.js';

export interface PickHandlers {
  /** Replace what is shown with these traces (one, or two to compare). */
  open(traces: LoadedTrace[], startedMs: number): void;
  /** Add a trace to compare with the open one. */
  compare(trace: LoadedTrace, startedMs: number): void;
  error(message: string): void;
}

async function readAll(files: readonly File[]): Promise<LoadedTrace[]> {
  return Promise.all(files.map((f) => readTraceFile(f)));
}

/** A file input: picking one trace opens it, picking two compares them. */
export function attachFileInput(input: HTMLInputElement, handlers: PickHandlers, mode: 'open' | 'compare'): void {
  input.addEventListener('change', async () => {
    const files = [...(input.files ?? [])].slice(0, 2);
    input.value = '';
    if (files.length === 0) return;
    const started = performance.now();
    try {
      const traces = await readAll(files);
      if (mode === 'compare') handlers.compare(traces[0]!, started);
      else handlers.open(traces, started);
    } catch (error) {
      handlers.error((error as Error).message);
    }
  });
}

/**
 * Drag and drop anywhere on the page: one file opens it, two compare them,
 * one with Shift held compares it with the open trace.
 */
export function attachDrop(target: HTMLElement, overlay: HTMLElement, handlers: PickHandlers): void {
  let depth = 0;
  target.addEventListener('dragenter', (event) => {
    event.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  target.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  target.addEventListener('dragover', (event) => event.preventDefault());
  target.addEventListener('drop', async (event) => {
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = [...(event.dataTransfer?.files ?? [])].slice(0, 2);
    if (files.length === 0) return;
    const started = performance.now();
    try {
      const traces = await readAll(files);
      if (traces.length === 1 && event.shiftKey) handlers.compare(traces[0]!, started);
      else handlers.open(traces, started);
    } catch (error) {
      handlers.error((error as Error).message);
    }
  });
}
