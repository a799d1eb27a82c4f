import { describe, expect, test } from 'vitest';
import { SharedLives } from '../../../sim/model/writer/shared-lives.js';
import type { PendingStart } from '../../../sim/model/state.js';

describe('lives shared by components in the same state with the same data', () => {
  const waitFor: string[] = [];
  const boot: PendingStart = { cause: 3, origin: 'boot', asRestart: false, waitFor };

  test('the same pending start, field by field, gives the same life; any field different gives a new one', () => {
    const lives = new SharedLives();
    const first = lives.waiting({ ...boot });
    expect(lives.waiting({ ...boot })).toBe(first);
    const variants: PendingStart[] = [
      { ...boot, cause: 4 },
      { ...boot, origin: 'restart' },
      { ...boot, asRestart: true },
      { ...boot, waitFor: ['x'] },
      { ...boot, refused: true },
    ];
    for (const pending of variants) {
      const life = lives.waiting(pending);
      expect(life).not.toBe(first);
      expect(life).toEqual({ state: 'stopped', pending });
      expect(lives.waiting({ ...boot })).not.toBe(life);
    }
  });

  test('a shared waiting life cannot be changed in place (a refusal makes a new one)', () => {
    const life = new SharedLives().waiting({ ...boot });
    expect(() => {
      if (life.state === 'stopped') life.pending!.refused = true;
    }).toThrow();
    expect(() => {
      (life as { state: string }).state = 'starting';
    }).toThrow();
  });

  test('running lives: one per instant; frozen', () => {
    const lives = new SharedLives();
    const at5 = lives.running(5);
    expect(lives.running(5)).toBe(at5);
    expect(lives.running(6)).toEqual({ state: 'running', startedAtUs: 6 });
    expect(lives.running(6)).not.toBe(at5);
    expect(() => {
      (at5 as { startedAtUs: number }).startedAtUs = 7;
    }).toThrow();
  });
});
