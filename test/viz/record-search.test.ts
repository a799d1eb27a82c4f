import { describe, expect, it } from 'vitest';
import { matchesQuery, parseQuery, searchRecords } from '../../viz/src/layout/record-search.js';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import { loadFixture } from '../helpers/fixtures.js';

const trace = loadFixture('generated-netstack-reboot.json');
const model = buildTimeline([{ name: 'a', file: trace }]);
const types = (text: string): string[] => searchRecords(model.traces, parseQuery(text)).map((ref) => model.traces[0]!.bySeq.get(ref.seq)!.type);

describe('record search', () => {
  it('parses words, field:value and quoted phrases', () => {
    expect(parseQuery('type:decision  "graceful reboot" Netstack by:"component manager" 30s:')).toEqual({
      words: ['graceful reboot', 'netstack', '30s:'],
      fields: [['type', 'decision'], ['by', 'component manager']],
    });
  });

  it('finds words in what a record says, not only in lane names', () => {
    expect(types('critical-component-failure')).toEqual(['reboot-requested', 'shutdown-started']);
    expect(types('requested a graceful reboot')).toEqual(['reboot-requested']);
  });

  it('finds field values', () => {
    expect(types('type:state to:running netstack')).toEqual(['state', 'state']);
    expect(types('culprit:netstack')).toEqual(['shutdown-started']);
    expect(types('exitCode:1')).toEqual(['fault']);
  });

  it('finds nothing for an empty query or a field no record has', () => {
    expect(types('  ')).toEqual([]);
    expect(types('nosuchfield:x')).toEqual([]);
  });

  it('looks into nested fields as text', () => {
    const terminated = trace.records.find((r) => r.type === 'terminated')!;
    expect(matchesQuery(terminated, parseQuery('termination:exit'))).toBe(true);
  });
});
