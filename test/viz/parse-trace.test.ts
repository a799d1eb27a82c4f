import { describe, expect, it } from 'vitest';
import { parseTraceText } from '../../viz/src/load/parse-trace.js';
import { loadFixture } from '../helpers/fixtures.js';

describe('parseTraceText', () => {
  it('accepts a recsim trace', () => {
    const text = JSON.stringify(loadFixture('netstack-reboot.json'));
    expect(parseTraceText(text, 'a.json').records).toHaveLength(59);
  });

  it.each([
    ['not json', 'a.json: not valid JSON'],
    ['[1,2]', 'a.json: not a recsim trace (expected a JSON object)'],
    ['{"format":"chrome"}', 'a.json: not a recsim trace (format is chrome, expected "recsim-trace")'],
    ['{"format":"recsim-trace","version":2}', 'a.json: unsupported trace version 2 (this recsim reads version 1)'],
    ['{"format":"recsim-trace","version":1,"records":{}}', 'a.json: "records" is not an array'],
    ['{"format":"recsim-trace","version":1,"records":[{"t":"x","seq":1,"type":"fault"}]}', 'a.json: records[0].t is x: expected a virtual time in whole microseconds (0 or more)'],
    ['{"format":"recsim-trace","version":1,"records":[{"t":1,"seq":1,"type":"fault","component":7}]}', 'a.json: records[0].component is 7: expected a component name'],
    ['{"format":"recsim-trace","version":1,"records":[{"t":-5,"seq":1,"type":"fault"}]}', 'a.json: records[0].t is -5: expected a virtual time'],
    ['{"format":"recsim-trace","version":1,"records":[{"t":1e999,"seq":1,"type":"fault"}]}', 'a.json: records[0].t is Infinity: expected a virtual time'],
    ['{"format":"recsim-trace","version":1,"records":[null]}', 'a.json: records[0] is null, not a record'],
    ['{"format":"recsim-trace","version":1,"records":[{"t":1,"seq":1,"type":"nap"}]}', 'a.json: records[0].type is nap: expected a record type'],
  ])('rejects %s with a message naming the problem', (text, message) => {
    expect(() => parseTraceText(text, 'a.json')).toThrow(message);
  });
});
