import { describe, expect, it } from 'vitest';
import { NO_COMMANDS } from '../../sim/model/reactor.js';

describe('NO_COMMANDS', () => {
  it('is shared by every reactor that answers nothing, so it cannot be added to', () => {
    expect(NO_COMMANDS).toHaveLength(0);
    expect(() => (NO_COMMANDS as unknown as unknown[]).push(1)).toThrow(TypeError);
  });
});
