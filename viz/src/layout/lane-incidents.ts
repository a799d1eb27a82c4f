import type { Incident } from './incidents.js';
import type { Lane } from './model.js';
import { lowerBound } from './sorted.js';

const longest = new WeakMap<Lane, number>();

/** The longest incident of a lane: how far back an incident can start and still reach a window. */
function longestOf(lane: Lane): number {
  let value = longest.get(lane);
  if (value === undefined) {
    value = 0;
    for (const incident of lane.incidents) value = Math.max(value, incident.endUs - incident.startUs);
    longest.set(lane, value);
  }
  return value;
}

/** Calls `visit` for each incident of a lane that overlaps [startUs, endUs], in start order. */
export function forIncidentsIn(lane: Lane, startUs: number, endUs: number, visit: (incident: Incident) => void): void {
  const incidents = lane.incidents;
  for (let i = lowerBound(incidents, startUs - longestOf(lane), (x) => x.startUs); i < incidents.length; i++) {
    const incident = incidents[i]!;
    if (incident.startUs > endUs) break;
    if (incident.endUs >= startUs) visit(incident);
  }
}

/**
 * The incident of a lane under tUs: one covering it (the latest to start),
 * else the nearest within toleranceUs (an incident is drawn at least a few
 * pixels wide, so a short one is found where it is seen).
 */
export function incidentAt(lane: Lane, tUs: number, toleranceUs: number): Incident | undefined {
  let best: Incident | undefined;
  let bestDistance = Infinity;
  forIncidentsIn(lane, tUs - toleranceUs, tUs + toleranceUs, (incident) => {
    const distance = tUs < incident.startUs ? incident.startUs - tUs : tUs > incident.endUs ? tUs - incident.endUs : 0;
    if (distance <= bestDistance) [best, bestDistance] = [incident, distance];
  });
  return best;
}
