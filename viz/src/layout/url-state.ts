import type { GroupBy, RecordRef } from './model.js';
import type { RangeSelection } from './range-summary.js';
import type { Domain } from './viewport.js';

/**
 * What a link to a view keeps, in the page's #fragment (which opening the
 * report from disk allows, and which never reloads the trace): the window,
 * the selection, the filters, the search and a picked range.
 */
export interface UrlState {
  window?: Domain;
  selection?: RecordRef;
  /** The lane filter. */
  lanes?: string;
  /** The record search. */
  find?: string;
  hiddenTypes?: string[];
  groupBy?: GroupBy;
  counters?: boolean;
  range?: RangeSelection;
}

/** "0-3,7,9-10" for [0,1,2,3,7,9,10]: a range over many lanes stays short. */
function compactList(xs: readonly number[]): string {
  const sorted = [...new Set(xs)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function expandList(text: string): number[] | undefined {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return undefined;
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (b < a || b - a > 100_000) return undefined;
    for (let i = a; i <= b; i++) out.push(i);
  }
  return out;
}

function span(text: string | null): Domain | undefined {
  const m = text ? /^(-?\d+(?:\.\d+)?)_(-?\d+(?:\.\d+)?)$/.exec(text) : null;
  if (!m) return undefined;
  const [startUs, endUs] = [Number(m[1]), Number(m[2])];
  return endUs > startUs ? { startUs, endUs } : undefined;
}

const us = (x: number): string => String(Math.round(x));

export function encodeUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  if (state.window) p.set('w', `${us(state.window.startUs)}_${us(state.window.endUs)}`);
  if (state.selection) p.set('sel', `${state.selection.traceIndex}:${state.selection.seq}`);
  if (state.lanes) p.set('lanes', state.lanes);
  if (state.find) p.set('find', state.find);
  if (state.hiddenTypes && state.hiddenTypes.length > 0) p.set('hide', [...state.hiddenTypes].sort().join(','));
  if (state.groupBy && state.groupBy !== 'realm') p.set('group', state.groupBy);
  if (state.counters === false) p.set('counters', '0');
  if (state.range) p.set('range', `${us(state.range.startUs)}_${us(state.range.endUs)}~${compactList(state.range.lanes)}`);
  return p.toString();
}

/** Reads what it can; anything malformed is left out rather than refused (a link may be old or hand-edited). */
export function decodeUrlState(fragment: string): UrlState {
  const p = new URLSearchParams(fragment.replace(/^#/, ''));
  const state: UrlState = {};
  const window = span(p.get('w'));
  if (window) state.window = window;
  const sel = /^(\d+):(\d+)$/.exec(p.get('sel') ?? '');
  if (sel) state.selection = { traceIndex: Number(sel[1]), seq: Number(sel[2]) };
  const lanes = p.get('lanes');
  if (lanes) state.lanes = lanes;
  const find = p.get('find');
  if (find) state.find = find;
  const hide = p.get('hide');
  if (hide) state.hiddenTypes = hide.split(',').filter((t) => /^[a-z-]+$/.test(t));
  const group = p.get('group');
  if (group === 'realm' || group === 'monitor') state.groupBy = group;
  if (p.get('counters') === '0') state.counters = false;
  const range = /^([^~]+)~(.+)$/.exec(p.get('range') ?? '');
  const rangeSpan = range ? span(range[1]!) : undefined;
  const rangeLanes = range ? expandList(range[2]!) : undefined;
  if (rangeSpan && rangeLanes) state.range = { ...rangeSpan, lanes: rangeLanes };
  return state;
}
