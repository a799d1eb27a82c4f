/** The visible time window and the pure arithmetic of zooming and panning it. */
export interface Domain {
  startUs: number;
  endUs: number;
}

/** Closest zoom: 10 µs across the view (records are µs integers). */
export const MIN_SPAN_US = 10;

/** Keeps a domain inside the extent, at least MIN_SPAN_US wide, at most the extent. */
export function clampDomain(d: Domain, extent: Domain): Domain {
  const extentSpan = extent.endUs - extent.startUs;
  const span = Math.min(Math.max(d.endUs - d.startUs, Math.min(MIN_SPAN_US, extentSpan)), extentSpan);
  let startUs = Math.min(Math.max(d.startUs, extent.startUs), extent.endUs - span);
  if (!Number.isFinite(startUs)) startUs = extent.startUs;
  return { startUs, endUs: startUs + span };
}

/** Zooms by `factor` (< 1 zooms in) keeping `anchorUs` at the same place on screen. */
export function zoomAt(d: Domain, extent: Domain, factor: number, anchorUs: number): Domain {
  const startUs = anchorUs - (anchorUs - d.startUs) * factor;
  const endUs = anchorUs + (d.endUs - anchorUs) * factor;
  if (endUs - startUs < MIN_SPAN_US) {
    const half = MIN_SPAN_US / 2;
    return clampDomain({ startUs: anchorUs - half, endUs: anchorUs + half }, extent);
  }
  return clampDomain({ startUs, endUs }, extent);
}

/** Moves the window by deltaUs (positive: later), stopping at the extent's edges. */
export function panBy(d: Domain, extent: Domain, deltaUs: number): Domain {
  return clampDomain({ startUs: d.startUs + deltaUs, endUs: d.endUs + deltaUs }, extent);
}

/** A window of `spanUs` centred on tUs. */
export function centerOn(extent: Domain, tUs: number, spanUs: number): Domain {
  return clampDomain({ startUs: tUs - spanUs / 2, endUs: tUs + spanUs / 2 }, extent);
}

/**
 * A window showing [fromUs, toUs] with a margin on each side (a share of
 * its width), at least minSpanUs wide: what a jump to an incident shows.
 */
export function frameSpan(extent: Domain, fromUs: number, toUs: number, minSpanUs: number, margin = 0.15): Domain {
  const span = Math.max(toUs - fromUs, 0);
  const padded = Math.max(span * (1 + 2 * margin), minSpanUs);
  return centerOn(extent, (fromUs + toUs) / 2, padded);
}
