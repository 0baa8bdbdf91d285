import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { goto } from '.';

describe('goto', () => {
  it('shouldHaveNoExits', () => {
    // given a jump: its target is a setting, not an exit
    expect(goto.exits({ target: 'menu' }, fixedOf('goto'))).toEqual([]);
  });

  it('shouldSummariseTheTargetOrTheReturn', () => {
    expect(goto.summary({ target: 'mainMenu' })).toEqual(['→ mainMenu']);
    expect(goto.summary({ target: 'mainMenu', returnToParent: true })).toEqual(['return to the calling flow']);
    expect(goto.summary({})).toEqual(['no target']);
  });
});
