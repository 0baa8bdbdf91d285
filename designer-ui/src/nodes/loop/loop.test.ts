import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { loop } from '.';

describe('loop', () => {
  it('shouldHaveABodyAndADoneExitBothRequired', () => {
    // given a loop
    // then body and done must both be wired
    expect(loop.exits({ times: 3 }, fixedOf('loop'))).toEqual([
      { name: 'body', required: true },
      { name: 'done', required: true },
    ]);
  });

  it('shouldSummariseTheCountAndCounter', () => {
    expect(loop.summary({ times: 3, counter: 'attempt' })).toEqual(['3 times', 'counter attempt']);
    expect(loop.summary({ times: 1 })).toEqual(['1 time']);
    expect(loop.summary({ times: '3' })).toEqual(['times not set']);
  });
});
