import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { hangup } from '.';

describe('hangup', () => {
  it('shouldHaveNoExitsAndShowItsCause', () => {
    expect(hangup.exits({ cause: 'busy' }, fixedOf('hangup'))).toEqual([]);
    expect(hangup.summary({ cause: 'busy' })).toEqual(['busy']);
    // without a cause the call ends normally
    expect(hangup.summary({})).toEqual(['normal']);
    expect(hangup.initialSettings()).toEqual({ cause: 'normal' });
  });
});
