import type { Micros } from '../engine/time.js';

/** How often the progress line is redrawn, at most. */
const REDRAW_EVERY_MS = 200;

export interface ProgressLine {
  /** Called often; redraws at most every REDRAW_EVERY_MS. */
  update(text: () => string): void;
  /** Clears the line, so what follows starts clean. */
  done(): void;
}

/**
 * One line of progress on stderr, rewritten in place, only when stderr is a
 * terminal: piped or redirected, nothing is written, so outputs stay
 * byte-identical. The wall clock is read here, in the CLI, never in the
 * simulation.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  if (stream.isTTY !== true) return { update: () => {}, done: () => {} };
  let lastMs = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - lastMs < REDRAW_EVERY_MS) return;
      lastMs = now;
      shown = true;
      stream.write(`\r\x1b[2K${text()}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}

/** Seconds as "42 s" or "3 min 5 s". */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Virtual time for a progress line, to the second: "2d 3h 4min 5s", "42s". */
export function formatVirtual(us: Micros): string {
  let s = Math.floor(us / 1_000_000);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['min', 60]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  if (s > 0 || parts.length === 0) parts.push(`${s}s`);
  return parts.join(' ');
}

/** `onProgress` for a run: virtual time reached out of the run's, events/s and the time left, in wall-clock terms. */
export function runProgress(line: ProgressLine, untilUs: Micros, label = 'run'): (atUs: Micros, events: number) => void {
  const startMs = Date.now();
  return (atUs, events) => line.update(() => {
    const elapsedS = Math.max(0.001, (Date.now() - startMs) / 1000);
    const fraction = untilUs > 0 ? Math.min(1, atUs / untilUs) : 1;
    const eta = fraction > 0 ? formatEta((elapsedS * (1 - fraction)) / fraction) : '?';
    return `${label}: virtual ${formatVirtual(atUs)} of ${formatVirtual(untilUs)} (${(fraction * 100).toFixed(0)}%), ${Math.round(events / elapsedS).toLocaleString('en')} events/s, ETA ${eta}`;
  });
}

/** A count-based line (runs of a campaign or a search): done/total, rate and ETA. */
export function countProgress(done: number, total: number, startMs: number, what: string): string {
  const elapsedS = Math.max(0.001, (Date.now() - startMs) / 1000);
  const rate = done / elapsedS;
  const eta = done > 0 ? formatEta((total - done) / rate) : '?';
  return `${what} ${done}/${total}, ${rate.toFixed(0)}/s, ETA ${eta}`;
}
