import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { input } from '.';

describe('input', () => {
  it('shouldHaveTheFixedExitsWhateverItsSettings', () => {
    // given any input node
    // then next, timeout, invalid, failure and error, timeout and invalid falling back to failure
    expect(input.exits({ variable: 'account', pattern: '[0-9]{8}' }, fixedOf('input'))).toEqual([
      { name: 'next', required: true },
      { name: 'timeout', required: false, otherwise: 'failure' },
      { name: 'invalid', required: false, otherwise: 'failure' },
      { name: 'failure', required: true },
      { name: 'error', required: false },
    ]);
  });

  it('shouldSummariseTheVariableLengthAndPattern', () => {
    // given an input of exactly 8 digits into account, with a pattern and no terminator
    const settings = { variable: 'account', minLength: 8, maxLength: 8, terminator: '', pattern: '[0-9]{8}' };
    // then the card tells all three
    expect(input.summary(settings)).toEqual(['→ account', '8 digits', 'pattern [0-9]{8}']);
  });

  it('shouldShowTheDefaultsWhenNotSet', () => {
    // given only a prompt
    // then the prompt and the defaults (1 to 16 digits, ended by #)
    expect(input.summary({ prompt: { '*': { tts: 'Enter your PIN' } } })).toEqual(['Enter your PIN', '1-16 digits, end #']);
  });
});
