import * as d3 from 'd3';
import type { MarkKind } from '../layout/marks.js';
import type { IncidentPhase } from '../layout/incidents.js';
import type { BarState } from '../layout/model.js';

/**
 * Lane bar colours: lifecycle states on component lanes, power states on the
 * system lane. Okabe-Ito hues, chosen to stay apart under deuteranopia
 * (test/viz/palette.test.ts simulates it); `failed` is also hatched, so it
 * never depends on colour alone.
 */
export const STATE_COLORS: Readonly<Record<BarState, string>> = {
  running: '#009e73',
  starting: '#56b4e9',
  stopping: '#e69f00',
  hung: '#cc79a7',
  failed: '#d55e00',
  stopped: '#d6d6d6',
  destroyed: '#505050',
  // Darker than the light grey of 'stopped': under deuteranopia a light green turns the same grey (ΔE 3.9 for the old #a6dcc8).
  up: '#4daf8f',
  'shutting-down': '#f0c36b',
  rebooting: '#f0e442',
  panic: '#000000',
  booting: '#9ecae1',
  halted: '#0072b2',
};

/** States drawn with a hatch over their colour. */
export const HATCHED_STATES: ReadonlySet<BarState> = new Set<BarState>(['failed', 'panic']);

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
  ['halted', 'in a reboot target (bootloader): no boot'],
];

export interface MarkStyle {
  symbol: d3.SymbolType;
  color: string;
  /** Stroked symbols (d3's symbolsStroke) are outlined, the others filled. */
  stroked: boolean;
  /** Symbol area in px². */
  size: number;
  /** The outline of a filled symbol (white by default, so it reads on any bar). */
  outline?: string;
  /** The colour of the kind's 1-px ticks (dense lanes, the overview), where a light fill would vanish. */
  tick?: string;
}

/**
 * Mark symbols: shape and colour both differ between kinds. A fault is a
 * yellow star outlined in black, never red, so it cannot be mistaken for the
 * `failed` state it often starts.
 */
export const MARK_STYLES: Readonly<Record<MarkKind, MarkStyle>> = {
  fault: { symbol: d3.symbolStar, color: '#f0e442', stroked: false, size: 130, outline: '#000000', tick: '#1f2933' },
  detection: { symbol: d3.symbolCircle, color: '#0072b2', stroked: false, size: 60 },
  decision: { symbol: d3.symbolDiamond, color: '#882255', stroked: false, size: 70 },
  restart: { symbol: d3.symbolTriangle, color: '#004d40', stroked: false, size: 70 },
  reboot: { symbol: d3.symbolSquare, color: '#d55e00', stroked: false, size: 80 },
  panic: { symbol: d3.symbolCross, color: '#000000', stroked: false, size: 100 },
  'lost-event': { symbol: d3.symbolWye, color: '#6d4c41', stroked: false, size: 80 },
  'lost-data': { symbol: d3.symbolTimes, color: '#7a0177', stroked: true, size: 70 },
  violation: { symbol: d3.symbolTriangle2, color: '#000000', stroked: true, size: 110, tick: '#c51b7d' },
  stop: { symbol: d3.symbolPlus, color: '#455a64', stroked: true, size: 40 },
  'start-problem': { symbol: d3.symbolSquare2, color: '#d55e00', stroked: true, size: 50 },
  system: { symbol: d3.symbolCircle, color: '#37474f', stroked: true, size: 40 },
};

/** The colour a kind's ticks are drawn in. */
export function tickColor(kind: MarkKind): string {
  return MARK_STYLES[kind].tick ?? MARK_STYLES[kind].color;
}

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
