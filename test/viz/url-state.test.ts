import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, type UrlState } from '../../viz/src/layout/url-state.js';

describe('the view in the URL', () => {
  const state: UrlState = {
    window: { startUs: 29_000_000, endUs: 35_000_000 },
    selection: { traceIndex: 1, seq: 16 },
    lanes: 'net stack',
    find: 'type:decision "graceful reboot"',
    hiddenTypes: ['stop-requested', 'killed'],
    groupBy: 'monitor',
    counters: false,
    range: { startUs: 30_000_000, endUs: 31_000_000, lanes: [0, 1, 2, 3, 7, 9, 10] },
  };

  it('survives a round trip', () => {
    expect(decodeUrlState(`#${encodeUrlState(state)}`)).toEqual({ ...state, hiddenTypes: ['killed', 'stop-requested'] });
  });

  it('stays short: defaults left out, lane lists compacted', () => {
    expect(encodeUrlState({ groupBy: 'realm', counters: true })).toBe('');
    expect(encodeUrlState({ range: state.range })).toBe('range=30000000_31000000%7E0-3%2C7%2C9-10');
  });

  it('leaves out what it cannot read instead of failing', () => {
    expect(decodeUrlState('#w=10_5&sel=x&group=alphabet&range=1_2~a-b&hide=<img>,fault')).toEqual({ hiddenTypes: ['fault'] });
  });
});
