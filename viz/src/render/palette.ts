import * as d3 from 'd3';
import type { MarkKind } from '../layout/marks.js';
import type { IncidentPhase } from '../layout/incidents.js';
import type { BarState } from '../layout/model.js';

/** Lane bar colours: lifecycle states on component lanes, power states on the system lane. */
export const STATE_COLORS: Readonly<Record<BarState, string>> = {
  running: '#66bb6a',
  starting: '#90caf9',
  stopping: '#ffb74d',
  hung: '#ab47bc',
  failed: '#e53935',
  stopped: '#d6d6d6',
  destroyed: '#8d8d8d',
  up: '#a5d6a7',
  'shutting-down': '#ffa726',
  rebooting: '#ff7043',
  panic: '#b71c1c',
  booting: '#64b5f6',
};

export const LIFECYCLE_LEGEND: readonly [BarState, string][] = [
  ['starting', 'starting'],
  ['running', 'running'],
  ['stopping', 'stopping'],
  ['hung', 'hung'],
  ['failed', 'failed'],
  ['stopped', 'down (stopped)'],
  ['destroyed', 'destroyed'],
];

export const POWER_LEGEND: readonly [BarState, string][] = [
  ['up', 'up'],
  ['shutting-down', 'shutting down'],
  ['rebooting', 'rebooting'],
  ['panic', 'panic'],
  ['booting', 'booting'],
];

export interface MarkStyle {
  symbol: d3.SymbolType;
  color: string;
  /** Stroked symbols (d3's symbolsStroke) are outlined, the others filled. */
  stroked: boolean;
  /** Symbol area in px². */
  size: number;
}

export const MARK_STYLES: Readonly<Record<MarkKind, MarkStyle>> = {
  fault: { symbol: d3.symbolStar, color: '#d50000', stroked: false, size: 110 },
  detection: { symbol: d3.symbolCircle, color: '#1565c0', stroked: false, size: 60 },
  decision: { symbol: d3.symbolDiamond, color: '#6a1b9a', stroked: false, size: 70 },
  restart: { symbol: d3.symbolTriangle, color: '#1b5e20', stroked: false, size: 70 },
  reboot: { symbol: d3.symbolSquare, color: '#e65100', stroked: false, size: 80 },
  panic: { symbol: d3.symbolCross, color: '#7f0000', stroked: false, size: 100 },
  'lost-event': { symbol: d3.symbolWye, color: '#6d4c41', stroked: false, size: 80 },
  'lost-data': { symbol: d3.symbolTimes, color: '#c2185b', stroked: true, size: 70 },
  violation: { symbol: d3.symbolTriangle2, color: '#000000', stroked: true, size: 110 },
  stop: { symbol: d3.symbolPlus, color: '#546e7a', stroked: true, size: 40 },
  'start-problem': { symbol: d3.symbolSquare2, color: '#ff3d00', stroked: true, size: 50 },
  system: { symbol: d3.symbolCircle, color: '#37474f', stroked: true, size: 40 },
};

/** The SVG path of a mark's symbol centred on (0, 0). */
export function markPath(kind: MarkKind): string {
  const style = MARK_STYLES[kind];
  return d3.symbol(style.symbol, style.size)() ?? '';
}

/**
 * Incident phases, drawn in a strip under a lane's bars: one hue getting
 * lighter as recovery proceeds, so the order reads without telling hues
 * apart (and never looks like a lifecycle state).
 */
export const INCIDENT_COLORS: Readonly<Record<IncidentPhase, string>> = {
  detecting: '#3f007d',
  deciding: '#6a51a3',
  waiting: '#9e9ac8',
  recovering: '#cbc9e2',
};

export const INCIDENT_LEGEND: readonly [IncidentPhase, string][] = [
  ['detecting', 'fault → detected'],
  ['deciding', 'detected → decided'],
  ['waiting', 'decided → acted'],
  ['recovering', 'acted → running again'],
];

/** Trace A and trace B on shared counter tracks: blue and orange stay apart under every common colour-vision deficiency. */
export const TRACE_COLORS: readonly string[] = ['#0072b2', '#e69f00'];
