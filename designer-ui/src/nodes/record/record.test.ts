import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { record } from '.';

describe('record', () => {
  it('shouldHaveNextNoInputFallingBackToNextAndError', () => {
    expect(record.exits({}, fixedOf('record'))).toEqual([
      { name: 'next', required: true },
      { name: 'noInput', required: false, otherwise: 'next' },
      { name: 'error', required: false },
    ]);
  });

  it('shouldSummariseThePromptLimitAndVariable', () => {
    // given a recording of at most 3 minutes without a beep, into message
    const settings = { prompt: { 'en-US': { file: 'ivr/leave-message.wav' } }, maxSeconds: 180, beep: false, variable: 'message' };
    // then the card tells them
    expect(record.summary(settings)).toEqual(['♪ ivr/leave-message.wav', 'up to 3 min, no beep', '→ message']);
    // and the defaults (120 seconds with a beep) without settings
    expect(record.summary({})).toEqual(['up to 2 min']);
  });
});
