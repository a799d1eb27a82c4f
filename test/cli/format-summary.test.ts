import { describe, expect, it } from 'vitest';
import { STORY_TYPES, StoryCollector, storyLine } from '../../sim/cli/format-summary.js';
import type { TraceRecord } from '../../sim/trace/records.js';
import { RECORD_TYPES } from '../../sim/trace/record-types.js';

/** A record of `type` whose every other field reads as something plausible, whatever the type asks for. */
function anyRecordOf(type: TraceRecord['type'], seq = 1): TraceRecord {
  const fields: Record<string, unknown> = { type, t: 1_000, seq, component: 'a', missing: ['b'], termination: { kind: 'exit', exitCode: 1 }, count: 2, delayUs: 4 };
  return new Proxy(fields, { get: (target, key) => (key in target ? target[key as string] : 'x') }) as unknown as TraceRecord;
}

describe('the story of a run', () => {
  it('STORY_TYPES names exactly the record types storyLine tells', () => {
    for (const type of RECORD_TYPES) expect(STORY_TYPES.has(type), type).toBe(storyLine(anyRecordOf(type)) !== undefined);
  });

  it('keeps the first 40 lines and counts the story records after them, skipping the rest', () => {
    const story = new StoryCollector();
    for (let i = 0; i < 50; i++) story.sink(anyRecordOf('restart', i));
    story.sink(anyRecordOf('state', 50));
    expect(story.lines).toHaveLength(40);
    expect(story.lines[0]).toBe('       0.001s  a restarted (attempt x)');
    expect(story.more).toBe(10);
  });
});
